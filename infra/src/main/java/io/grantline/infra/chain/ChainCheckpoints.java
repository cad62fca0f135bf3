package io.grantline.infra.chain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checkpoints chain the global order of the event store: each folds the event hashes that no checkpoint has taken yet,
 * in global index order, into {@code head = sha256(previousHead \n globalIndex \n eventHash)} starting from the head
 * of the checkpoint before it, and marks those hashes as its own. A stream deleted as a whole, hashes included, no
 * longer adds up to the head of the checkpoint that covered it.
 *
 * <p>A checkpoint takes exactly the hashes it marks, not a range of global indexes, so an event whose transaction
 * commits late with a lower global index simply goes into the next checkpoint.
 */
@Component
public class ChainCheckpoints {

    /** Hashes taken by one checkpoint at most, so memory stays bounded; a backlog becomes several checkpoints. */
    static final int MAX_EVENTS_PER_CHECKPOINT = 10_000;

    private static final Logger log = LoggerFactory.getLogger(ChainCheckpoints.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ChainCheckpoints(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Folds every event stored since the last checkpoint into new checkpoints; returns how many events it took. */
    public long checkpoint() {
        long total = 0;
        int taken;
        do {
            Integer once = transaction.execute(status -> checkpointOnce());
            taken = once == null ? 0 : once;
            total += taken;
        } while (taken == MAX_EVENTS_PER_CHECKPOINT);
        return total;
    }

    private int checkpointOnce() {
        Optional<String> previousHead = jdbc.sql("SELECT head_hash FROM chain_checkpoint ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .query(String.class).optional();
        List<Link> links = jdbc.sql("""
                        SELECT d.globalIndex, h.aggregate_identifier, h.sequence_number, h.hash
                        FROM event_hash h
                        JOIN DomainEventEntry d ON d.aggregateIdentifier = h.aggregate_identifier AND d.sequenceNumber = h.sequence_number
                        WHERE h.checkpoint_id IS NULL
                        ORDER BY d.globalIndex
                        FETCH FIRST %d ROWS ONLY""".formatted(MAX_EVENTS_PER_CHECKPOINT))
                .query((row, n) -> new Link(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4)))
                .list();
        if (links.isEmpty()) {
            return 0;
        }
        String head = previousHead.orElse(null);
        for (Link link : links) {
            head = EventHash.fold(head, link.globalIndex(), link.hash());
        }
        long upTo = links.get(links.size() - 1).globalIndex();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO chain_checkpoint (up_to_global_index, event_count, head_hash, previous_head_hash, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(upTo, links.size(), head, previousHead.orElse(null), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update(key, "id");
        long checkpointId = key.getKeyAs(Number.class).longValue();
        List<Object[]> marks = new ArrayList<>(links.size());
        for (Link link : links) {
            marks.add(new Object[] {checkpointId, link.aggregateIdentifier(), link.sequence()});
        }
        int[] counts = jdbcTemplate.batchUpdate(
                "UPDATE event_hash SET checkpoint_id = ? WHERE aggregate_identifier = ? AND sequence_number = ? AND checkpoint_id IS NULL",
                marks);
        for (int count : counts) {
            if (count == 0) {
                // another node took these hashes at the same moment: roll back, its checkpoint stands
                throw new IllegalStateException("chain checkpoint raced with another one");
            }
        }
        log.info("Chain checkpoint {} covers {} events up to global index {}, head {}", checkpointId, links.size(), upTo, head);
        return links.size();
    }

    private record Link(long globalIndex, String aggregateIdentifier, long sequence, String hash) {
    }
}
