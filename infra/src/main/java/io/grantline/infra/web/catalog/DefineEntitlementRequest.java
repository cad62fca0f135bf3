package io.grantline.infra.web.catalog;

import io.grantline.api.entitlement.ConnectorKind;
import io.grantline.api.entitlement.DefineEntitlement;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.PrivilegeLevel;
import io.grantline.api.entitlement.Provisioning;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.identity.IdentityId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Body of {@code POST /api/entitlements}; {@code provisioning} names the connector that enforces its grants (an LDAP
 * group, a webhook, or {@code record}), absent for the site's own connector.
 */
record DefineEntitlementRequest(@NotNull EntitlementId id, @NotBlank String resource, @NotBlank String system,
                                @NotBlank String zone, @NotNull PrivilegeLevel level, @NotNull RiskTier risk,
                                @NotNull IdentityId ownerId, @NotNull Duration maxDuration,
                                @Size(max = 100) List<@NotNull EntitlementId> sodConflicts, @Valid ProvisioningBody provisioning) {

    /** {@code {connector: ldap|webhook|record, group?}}. */
    record ProvisioningBody(@NotNull ConnectorKind connector, @Size(max = 500) String group) {
    }

    DefineEntitlement toCommand() {
        return new DefineEntitlement(id, resource, system, zone, level, risk, ownerId, maxDuration,
                sodConflicts == null ? null : Set.copyOf(sodConflicts),
                provisioning == null ? null : new Provisioning(provisioning.connector(), provisioning.group()));
    }
}
