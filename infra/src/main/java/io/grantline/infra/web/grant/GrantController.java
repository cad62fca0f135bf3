package io.grantline.infra.web.grant;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.grant.EndReason;
import io.grantline.api.grant.FindGrant;
import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.GrantSummary;
import io.grantline.api.grant.ListGrants;
import io.grantline.api.grant.RevokeGrant;
import io.grantline.api.identity.IdentityId;
import io.grantline.infra.web.Accepted;
import io.grantline.infra.web.Callers;
import io.grantline.infra.web.IdentityOwners;
import io.grantline.infra.web.NotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Grants: who holds what, until when. Everyone sees their own and those of identities they own; overseers see all. */
@RestController
@RequestMapping("/api/grants")
class GrantController {

    /** The {@code status} filter: ACTIVE means "not ended" (provisioning or active), ENDED means ended. */
    enum StatusFilter {
        ACTIVE,
        ENDED
    }

    record RevokeBody(@NotBlank @Size(max = 1000) String reason) {
    }

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final IdentityOwners owners;

    GrantController(CommandGateway commands, QueryGateway queries, IdentityOwners owners) {
        this.commands = commands;
        this.queries = queries;
        this.owners = owners;
    }

    @GetMapping
    List<GrantSummary> list(@RequestParam(required = false) String identityId, @RequestParam(required = false) String entitlementId,
                            @RequestParam(required = false) String resource, @RequestParam(required = false) StatusFilter status,
                            Authentication auth) {
        IdentityId holder = identityId == null ? null : IdentityId.of(identityId);
        if (!Callers.overseer(auth)) {
            IdentityId self = Callers.identity(auth);
            if (holder != null && !holder.equals(self) && !owners.owns(auth, holder)) {
                throw new AccessDeniedException("only your own grants, or those of an identity you own");
            }
            holder = holder == null ? self : holder;
        }
        if (resource != null && (resource.isBlank() || resource.length() > 200)) {
            throw new IllegalArgumentException("resource must be 1-200 characters");
        }
        Boolean ended = status == null ? null : status == StatusFilter.ENDED;
        return queries.query(new ListGrants(holder, entitlementId == null ? null : EntitlementId.of(entitlementId), resource, ended),
                ResponseTypes.multipleInstancesOf(GrantSummary.class)).join();
    }

    @GetMapping("/{id}")
    GrantSummary get(@PathVariable String id, Authentication auth) {
        GrantSummary grant = queries.query(new FindGrant(GrantId.of(id)), ResponseTypes.optionalInstanceOf(GrantSummary.class)).join()
                .filter(found -> Callers.overseer(auth) || found.identityId().value().equals(auth.getName())
                        || owners.owns(auth, found.identityId()))
                .orElseThrow(() -> new NotFound("grant '" + id + "'"));
        return grant;
    }

    @PostMapping("/{id}/revoke")
    ResponseEntity<Accepted> revoke(@PathVariable String id, @Valid @RequestBody RevokeBody body) {
        commands.sendAndWait(new RevokeGrant(GrantId.of(id), EndReason.REVOKED, body.reason()));
        return Accepted.at("/api/grants", id);
    }
}
