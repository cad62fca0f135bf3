package io.grantline.infra.domain;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.command.entitlement.EntitlementCatalog;
import io.grantline.command.entitlement.EntitlementFacts;
import io.grantline.infra.chain.ChainingJdbcEventStorageEngine;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The command handlers' entitlement catalog: one entitlement is loaded from its events as before; many at once (the
 * separation-of-duties check reads every entitlement the holder holds) have their streams read with one query first,
 * so a service account holding hundreds of entitlements costs one round trip per check instead of hundreds.
 */
public final class ReadAheadEntitlementCatalog implements EntitlementCatalog {

    private final EntitlementCatalog entitlements;
    private final ChainingJdbcEventStorageEngine streams;

    public ReadAheadEntitlementCatalog(EntitlementCatalog entitlements, ChainingJdbcEventStorageEngine streams) {
        this.entitlements = entitlements;
        this.streams = streams;
    }

    @Override
    public Optional<EntitlementFacts> find(EntitlementId id) {
        return entitlements.find(id);
    }

    @Override
    public List<EntitlementFacts> findAll(Collection<EntitlementId> ids) {
        if (ids.size() > 1) {
            streams.readAhead(ids.stream().map(EntitlementId::toString).toList());
        }
        return EntitlementCatalog.super.findAll(ids);
    }
}
