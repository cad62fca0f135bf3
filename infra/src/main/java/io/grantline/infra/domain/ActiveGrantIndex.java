package io.grantline.infra.domain;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.grant.AccessGranted;
import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.GrantRevoked;
import io.grantline.api.grant.ListActiveGrantsOf;
import io.grantline.api.identity.IdentityId;
import io.grantline.command.grant.HeldEntitlements;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The entitlements each identity holds, kept by a subscribing processor: it runs in the transaction of the command
 * that granted or revoked, so a separation-of-duties check never misses a grant committed before it.
 */
@Component
@ProcessingGroup(ActiveGrantIndex.PROCESSING_GROUP)
class ActiveGrantIndex implements HeldEntitlements {

    static final String PROCESSING_GROUP = "active-grant-index";
    private static final String REVOKED_IN_THIS_UNIT_OF_WORK = ActiveGrantIndex.class.getName() + ".revoked";
    private static final int DELETED_PER_STATEMENT = 200;

    private final JdbcClient jdbc;

    ActiveGrantIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccessGranted event) {
        jdbc.sql("DELETE FROM active_grant_index WHERE grant_id = ?").param(event.grantId().value()).update();
        jdbc.sql("INSERT INTO active_grant_index (grant_id, identity_id, entitlement_id) VALUES (?, ?, ?)")
                .params(event.grantId().value(), event.identityId().value(), event.entitlementId().value())
                .update();
    }

    /**
     * A revocation leaves the index with the transaction that records it. The revocations of one unit of work (the
     * kill switch revokes a hundred grants in one) are deleted with one statement at the end of its prepare-commit
     * phase, where Axon publishes them to this processor anyway: no command of that unit of work could have read the
     * index after them.
     */
    @EventHandler
    void on(GrantRevoked event) {
        if (!CurrentUnitOfWork.isStarted()) {
            delete(List.of(event.grantId().value()));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.getOrComputeResource(REVOKED_IN_THIS_UNIT_OF_WORK, key -> {
            List<String> revoked = new ArrayList<>();
            root.onPrepareCommit(unitOfWork -> delete(revoked));
            return revoked;
        }).add(event.grantId().value());
    }

    private void delete(List<String> grantIds) {
        for (int from = 0; from < grantIds.size(); from += DELETED_PER_STATEMENT) {
            List<String> chunk = grantIds.subList(from, Math.min(grantIds.size(), from + DELETED_PER_STATEMENT));
            jdbc.sql("DELETE FROM active_grant_index WHERE grant_id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")
                    .params(List.copyOf(chunk)).update();
        }
    }

    @QueryHandler
    public List<GrantId> handle(ListActiveGrantsOf query) {
        return jdbc.sql("SELECT grant_id FROM active_grant_index WHERE identity_id = ? ORDER BY grant_id")
                .param(query.identityId().value()).query(String.class).list().stream().map(GrantId::of).toList();
    }

    /**
     * What the identity holds, read under a lock on the identity's row (held until the transaction ends): two grants
     * for one identity decided at the same moment, in two process jobs, are checked one after the other, so the
     * second sees the first and a separation-of-duties conflict cannot slip between them. Works across nodes.
     */
    @Override
    public Set<EntitlementId> activeEntitlementsOf(IdentityId identityId) {
        jdbc.sql("SELECT identity_id FROM identity_index WHERE identity_id = ? FOR UPDATE").param(identityId.value())
                .query(String.class).list();
        return jdbc.sql("SELECT entitlement_id FROM active_grant_index WHERE identity_id = ?").param(identityId.value())
                .query(String.class).list().stream().map(EntitlementId::of).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    @Override
    public boolean holdsThrough(IdentityId identityId, EntitlementId entitlementId, GrantId grantId) {
        return jdbc.sql("SELECT COUNT(*) FROM active_grant_index WHERE grant_id = ? AND identity_id = ? AND entitlement_id = ?")
                .params(grantId.value(), identityId.value(), entitlementId.value()).query(Long.class).single() > 0;
    }
}
