package io.grantline.infra.chain;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains the events that were stored without a hash: those of a database created before the chain existed
 * (migration V4), and signs the checkpoints made before heads were signed (migration V6). It runs at start only when {@code grantline.chain.adopt-unchained-events=true}, in global order,
 * a page at a time, each page in its own transaction. What it adopts is vouched for from that moment on, not before;
 * the log says how many events that concerns, and the setting should be switched off again afterwards.
 */
@Component
class ChainAdoption implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ChainAdoption.class);
    private static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ChainProperties properties;
    private final ChainSigningKey key;

    ChainAdoption(JdbcClient jdbc, TransactionTemplate transactions, ChainProperties properties, ChainSigningKey key) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.key = key;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.adoptUnchainedEvents()) {
            long adopted = adopt();
            log.warn("Adopted {} event(s) stored without a hash into the chain; their integrity before now cannot be proven."
                    + " Switch grantline.chain.adopt-unchained-events off again.", adopted);
            int signed = signUnsignedCheckpoints();
            log.warn("Signed {} checkpoint(s) made before their heads were signed; their heads are vouched for from now on.", signed);
        }
    }

    /**
     * Signs the checkpoints that have no signature: those of a database from before signing (migration V6). Like
     * adopting events, this vouches for them as they are now, so it is part of the same deliberate act.
     */
    int signUnsignedCheckpoints() {
        List<SignedHead> unsigned = jdbc.sql("SELECT id, up_to_global_index, head_hash FROM chain_checkpoint WHERE signature IS NULL ORDER BY id")
                .query((row, n) -> new SignedHead(row.getLong(1), row.getLong(2), 0, row.getString(3), null, null, null))
                .list();
        for (SignedHead head : unsigned) {
            jdbc.sql("UPDATE chain_checkpoint SET signature = ?, key_id = ? WHERE id = ? AND signature IS NULL")
                    .params(key.sign(head.statement()), key.keyId(), head.checkpointId()).update();
        }
        return unsigned.size();
    }

    /** Chains every event without a hash row, oldest first, and answers how many it chained. */
    long adopt() {
        long adopted = 0;
        long after = -1;
        while (true) {
            List<Unchained> page = unchainedAfter(after);
            if (page.isEmpty()) {
                return adopted;
            }
            Integer chained = transactions.execute(status -> chain(page));
            adopted += chained == null ? 0 : chained;
            after = page.get(page.size() - 1).globalIndex();
        }
    }

    private record Unchained(long globalIndex, EventHash.StoredEvent event) {
    }

    private List<Unchained> unchainedAfter(long after) {
        return jdbc.sql("SELECT e.globalIndex, e.eventIdentifier, e.type, e.aggregateIdentifier, e.sequenceNumber, e.payloadType, e.payloadRevision,"
                        + " e.timeStamp, e.payload, e.metaData FROM DomainEventEntry e LEFT JOIN event_hash h"
                        + " ON h.aggregate_identifier = e.aggregateIdentifier AND h.sequence_number = e.sequenceNumber"
                        + " WHERE h.hash IS NULL AND e.globalIndex > ? ORDER BY e.globalIndex FETCH FIRST " + PAGE + " ROWS ONLY")
                .param(after)
                .query((row, n) -> new Unchained(row.getLong(1), new EventHash.StoredEvent(row.getString(2), row.getString(3),
                        row.getString(4), row.getLong(5), row.getString(6), row.getString(7), row.getString(8), row.getBytes(9),
                        row.getBytes(10))))
                .list();
    }

    private int chain(List<Unchained> page) {
        List<Unchained> unreadable = new ArrayList<>();
        int chained = 0;
        for (Unchained unchained : page) {
            EventHash.StoredEvent event = unchained.event();
            String previous = event.sequenceNumber() == 0 ? null
                    : jdbc.sql("SELECT hash FROM event_hash WHERE aggregate_identifier = ? AND sequence_number = ?")
                            .params(event.aggregateIdentifier(), event.sequenceNumber() - 1).query(String.class).optional().orElse(null);
            try {
                jdbc.sql("INSERT INTO event_hash (aggregate_identifier, sequence_number, hash, previous_hash, hash_form) VALUES (?, ?, ?, ?, ?)")
                        .params(event.aggregateIdentifier(), event.sequenceNumber(), EventHash.of(event, previous), previous,
                                EventHash.CURRENT_FORM)
                        .update();
                chained++;
            } catch (EventHash.UnreadableEvent e) {
                unreadable.add(unchained);
            }
        }
        unreadable.forEach(u -> log.warn("Event {} of {} cannot be read and stays unchained; verify reports it",
                u.event().sequenceNumber(), u.event().aggregateIdentifier()));
        return chained;
    }
}
