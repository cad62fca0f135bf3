package io.grantline.infra.domain;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestRejected;
import io.grantline.api.request.AccessRequested;
import io.grantline.api.request.RejectionReason;
import io.grantline.command.request.BreakGlassUses;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The break-glass requests of each identity, kept in the transaction that files them, so the allowance is counted from
 * the event store and never from a read model that may lag. An attempt the allowance refused is not a use. It shares
 * the subscribing processor of the active-grant index (what an identity was given): every subscribing processor is one
 * more pass over each event published, on every command.
 */
@Component
@ProcessingGroup(ActiveGrantIndex.PROCESSING_GROUP)
class BreakGlassUseIndex implements BreakGlassUses {

    private final JdbcClient jdbc;

    BreakGlassUseIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccessRequested event, @Timestamp Instant filedAt) {
        if (!event.emergency()) {
            return;
        }
        jdbc.sql("DELETE FROM break_glass_use WHERE request_id = ?").param(event.requestId().value()).update();
        jdbc.sql("INSERT INTO break_glass_use (request_id, identity_id, filed_at_ms) VALUES (?, ?, ?)")
                .params(event.requestId().value(), event.beneficiaryId().value(), filedAt.toEpochMilli()).update();
    }

    @EventHandler
    void on(AccessRequestRejected event) {
        if (event.reason() == RejectionReason.BREAK_GLASS_LIMIT) {
            jdbc.sql("DELETE FROM break_glass_use WHERE request_id = ?").param(event.requestId().value()).update();
        }
    }

    @Override
    public int usesSince(IdentityId beneficiary, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM break_glass_use WHERE identity_id = ? AND filed_at_ms >= ?")
                .params(beneficiary.value(), since.toEpochMilli()).query(Integer.class).single();
    }
}
