package io.grantline.infra.web.catalog;

import io.grantline.api.identity.AssignDirectoryEntry;
import io.grantline.api.identity.AssignManager;
import io.grantline.api.identity.AssignOwner;
import io.grantline.api.identity.AssignRoles;
import io.grantline.api.identity.AssignSponsor;
import io.grantline.api.identity.FindIdentity;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.api.identity.ListIdentities;
import io.grantline.api.identity.MarkIdentityCompromised;
import io.grantline.api.identity.RecordDeparture;
import io.grantline.api.identity.ReinstateIdentity;
import io.grantline.api.identity.Role;
import io.grantline.api.identity.SuspendIdentity;
import io.grantline.infra.web.Accepted;
import io.grantline.infra.web.NotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The identity catalog: people and the non-human identities they are accountable for. */
@RestController
@RequestMapping("/api/identities")
class IdentityController {

    record RolesBody(@NotNull @Size(max = 10) List<@NotNull Role> roles) {
    }

    record ReasonBody(@NotBlank @Size(max = 1000) String reason) {
    }

    record OwnerBody(@NotNull IdentityId ownerId) {
    }

    record ManagerBody(@NotNull IdentityId managerId) {
    }

    record SponsorBody(@NotNull IdentityId sponsorId, @NotNull Instant endsAt) {
    }

    record DirectoryEntryBody(@NotBlank @Size(max = 500) String directoryDn) {
    }

    private final CommandGateway commands;
    private final QueryGateway queries;

    IdentityController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<Accepted> register(@Valid @RequestBody RegisterIdentityRequest body) {
        commands.sendAndWait(body.toCommand());
        return Accepted.at("/api/identities", body.id().value());
    }

    @GetMapping
    List<IdentitySummary> list(@RequestParam(required = false) IdentityKind kind) {
        return queries.query(new ListIdentities(kind), ResponseTypes.multipleInstancesOf(IdentitySummary.class)).join();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'COMPLIANCE_OFFICER', 'SECURITY_OPERATOR') or #id == authentication.name")
    IdentitySummary get(@PathVariable String id) {
        return queries.query(new FindIdentity(IdentityId.of(id)), ResponseTypes.optionalInstanceOf(IdentitySummary.class))
                .join()
                .orElseThrow(() -> new NotFound("identity '" + id + "'"));
    }

    @PutMapping("/{id}/roles")
    ResponseEntity<Accepted> roles(@PathVariable String id, @Valid @RequestBody RolesBody body) {
        commands.sendAndWait(new AssignRoles(IdentityId.of(id), Set.copyOf(body.roles())));
        return Accepted.at("/api/identities", id);
    }

    @PostMapping("/{id}/compromised")
    ResponseEntity<Accepted> compromised(@PathVariable String id, @Valid @RequestBody ReasonBody body) {
        commands.sendAndWait(new MarkIdentityCompromised(IdentityId.of(id), body.reason()));
        return Accepted.at("/api/identities", id);
    }

    @PostMapping("/{id}/departure")
    ResponseEntity<Accepted> departure(@PathVariable String id, @Valid @RequestBody ReasonBody body) {
        commands.sendAndWait(new RecordDeparture(IdentityId.of(id), body.reason()));
        return Accepted.at("/api/identities", id);
    }

    /** Suspends an identity: it may not sign in, request or decide; its open approval stages move to its manager. */
    @PostMapping("/{id}/suspension")
    ResponseEntity<Accepted> suspension(@PathVariable String id, @Valid @RequestBody ReasonBody body) {
        commands.sendAndWait(new SuspendIdentity(IdentityId.of(id), body.reason()));
        return Accepted.at("/api/identities", id);
    }

    /** A compromised or suspended identity is active again; no grant comes back by itself. */
    @PostMapping("/{id}/reinstate")
    ResponseEntity<Accepted> reinstate(@PathVariable String id, @Valid @RequestBody ReasonBody body) {
        commands.sendAndWait(new ReinstateIdentity(IdentityId.of(id), body.reason()));
        return Accepted.at("/api/identities", id);
    }

    @PutMapping("/{id}/manager")
    ResponseEntity<Accepted> manager(@PathVariable String id, @Valid @RequestBody ManagerBody body) {
        commands.sendAndWait(new AssignManager(IdentityId.of(id), body.managerId()));
        return Accepted.at("/api/identities", id);
    }

    /** An external person's sponsorship renewed, handed to another sponsor, or cut short. */
    @PutMapping("/{id}/sponsor")
    ResponseEntity<Accepted> sponsor(@PathVariable String id, @Valid @RequestBody SponsorBody body) {
        commands.sendAndWait(new AssignSponsor(IdentityId.of(id), body.sponsorId(), body.endsAt()));
        return Accepted.at("/api/identities", id);
    }

    /** The identity's entry in the plant's directory, which LDAP-bound entitlements make a group member. */
    @PutMapping("/{id}/directory-entry")
    ResponseEntity<Accepted> directoryEntry(@PathVariable String id, @Valid @RequestBody DirectoryEntryBody body) {
        commands.sendAndWait(new AssignDirectoryEntry(IdentityId.of(id), body.directoryDn()));
        return Accepted.at("/api/identities", id);
    }

    @PostMapping("/{id}/owner")
    ResponseEntity<Accepted> owner(@PathVariable String id, @Valid @RequestBody OwnerBody body) {
        commands.sendAndWait(new AssignOwner(IdentityId.of(id), body.ownerId()));
        return Accepted.at("/api/identities", id);
    }
}
