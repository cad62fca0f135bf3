package io.grantline.infra.web.catalog;

import io.grantline.api.entitlement.ChangeEntitlementOwner;
import io.grantline.api.entitlement.ChangeEntitlementPolicy;
import io.grantline.api.entitlement.ConnectorKind;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.EntitlementSummary;
import io.grantline.api.entitlement.FindEntitlement;
import io.grantline.api.entitlement.ListEntitlements;
import io.grantline.api.entitlement.RetireEntitlement;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.identity.IdentityId;
import io.grantline.command.common.Text;
import io.grantline.infra.web.Accepted;
import io.grantline.infra.web.NotFound;
import io.grantline.workflow.grant.ConnectorRouter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The entitlement catalog. Everyone signed in may read it: requesters choose what to ask for from it. */
@RestController
@RequestMapping("/api/entitlements")
class EntitlementController {

    record OwnerBody(@NotNull IdentityId ownerId) {
    }

    record PolicyBody(@NotNull RiskTier risk, @NotNull Duration maxDuration,
                      @NotNull @Size(max = 100) Set<@NotNull EntitlementId> sodConflicts) {
    }

    record ReasonBody(@NotBlank @Size(max = 1000) String reason) {
    }

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ConnectorRouter connectors;

    EntitlementController(CommandGateway commands, QueryGateway queries, ConnectorRouter connectors) {
        this.commands = commands;
        this.queries = queries;
        this.connectors = connectors;
    }

    @PostMapping
    ResponseEntity<Accepted> define(@Valid @RequestBody DefineEntitlementRequest body) {
        if (body.provisioning() != null && !connectors.available(body.provisioning().connector())) {
            throw new ConnectorNotConfigured(body.provisioning().connector());
        }
        if (body.provisioning() != null && body.provisioning().connector() == ConnectorKind.LDAP && body.provisioning().group() != null
                && Text.isDistinguishedName(body.provisioning().group()) && !connectors.allowsGroup(body.provisioning().group())) {
            throw new ConnectorNotConfigured.GroupOutsideSearchBase();
        }
        commands.sendAndWait(body.toCommand());
        return Accepted.at("/api/entitlements", body.id().value());
    }

    /** The entitlement's new owner decides its RESOURCE_OWNER stages from now on (open stages keep their approvers). */
    @PutMapping("/{id}/owner")
    ResponseEntity<Accepted> owner(@PathVariable String id, @Valid @RequestBody OwnerBody body) {
        commands.sendAndWait(new ChangeEntitlementOwner(EntitlementId.of(id), body.ownerId()));
        return Accepted.at("/api/entitlements", id);
    }

    /** A new risk tier, maximum duration or conflicts; requests already filed keep the policy they were filed under. */
    @PutMapping("/{id}/policy")
    ResponseEntity<Accepted> policy(@PathVariable String id, @Valid @RequestBody PolicyBody body) {
        commands.sendAndWait(new ChangeEntitlementPolicy(EntitlementId.of(id), body.risk(), body.maxDuration(), body.sodConflicts()));
        return Accepted.at("/api/entitlements", id);
    }

    /** Nobody may request it any more; an approved request whose grant has not started is rejected (ENTITLEMENT_RETIRED). */
    @PostMapping("/{id}/retirement")
    ResponseEntity<Accepted> retire(@PathVariable String id, @Valid @RequestBody ReasonBody body) {
        commands.sendAndWait(new RetireEntitlement(EntitlementId.of(id), body.reason()));
        return Accepted.at("/api/entitlements", id);
    }

    @GetMapping
    List<EntitlementSummary> list() {
        return queries.query(new ListEntitlements(), ResponseTypes.multipleInstancesOf(EntitlementSummary.class)).join();
    }

    @GetMapping("/{id}")
    EntitlementSummary get(@PathVariable String id) {
        return queries.query(new FindEntitlement(EntitlementId.of(id)), ResponseTypes.optionalInstanceOf(EntitlementSummary.class))
                .join()
                .orElseThrow(() -> new NotFound("entitlement '" + id + "'"));
    }
}
