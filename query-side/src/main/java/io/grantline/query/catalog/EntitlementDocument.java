package io.grantline.query.catalog;

import io.grantline.api.entitlement.ConnectorKind;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.EntitlementSummary;
import io.grantline.api.entitlement.PrivilegeLevel;
import io.grantline.api.entitlement.Provisioning;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.identity.IdentityId;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One catalog entry; {@code maxDuration} is kept in its ISO-8601 form. See {@link IdentityDocument} for {@code version}. */
@Document(EntitlementDocument.COLLECTION)
record EntitlementDocument(@Id String id, String resource, String system, String zone, PrivilegeLevel level, RiskTier risk,
                           String ownerId, String maxDuration, Set<String> sodConflicts, boolean retired, String connector,
                           String group, long version) {

    static final String COLLECTION = "entitlements";

    EntitlementSummary toSummary() {
        Set<EntitlementId> conflicts = sodConflicts == null ? Set.of()
                : sodConflicts.stream().map(EntitlementId::of).collect(Collectors.toCollection(java.util.TreeSet::new));
        return new EntitlementSummary(EntitlementId.of(id), resource, system, zone, level, risk, IdentityId.of(ownerId),
                Duration.parse(maxDuration), conflicts, retired, connector == null ? null
                        : new Provisioning(ConnectorKind.of(connector), group));
    }
}
