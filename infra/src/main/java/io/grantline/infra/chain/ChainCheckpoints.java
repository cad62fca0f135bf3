package io.grantline.infra.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
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
 * <p>Each head is signed with the {@link ChainSigningKey}, which the database's writers do not hold: a rewritten history
 * whose checkpoints were rebuilt no longer carries valid signatures.
 *
 * <p>A checkpoint takes exactly the hashes it marks, not a range of global indexes, so an event whose transaction
 * commits late with a lower global index simply goes into the next checkpoint.
 */
@Component
public class ChainCheckpoints {

    /** Hashes taken by one checkpoint at most, so memory stays bounded; a backlog becomes several checkpoints. */
    static final int MAX_EVENTS_PER_CHECKPOINT = 10_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ChainSigningKey key;
    private final ApplicationEventPublisher witnesses;

    ChainCheckpoints(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager, Clock clock,
                     ChainSigningKey key, ApplicationEventPublisher witnesses) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.key = key;
        this.witnesses = witnesses;
    }

    /**
     * Folds every event stored since the last checkpoint into new signed checkpoints; returns how many events it took.
     * Each signed head is handed to the witnesses once its checkpoint has committed.
     */
    public long checkpoint() {
        long total = 0;
        SignedHead made;
        do {
            made = transaction.execute(status -> checkpointOnce());
            if (made != null) {
                total += made.eventCount();
                witnesses.publishEvent(made);
            }
        } while (made != null && made.eventCount() == MAX_EVENTS_PER_CHECKPOINT);
        return total;
    }

    /** The newest checkpoint's signed head, if any checkpoint exists. */
    public Optional<SignedHead> latest() {
        return jdbc.sql(SELECT_HEADS + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY").query((row, n) -> head(row)).optional();
    }

    /** Selects checkpoints as {@link #head} reads them. */
    static final String SELECT_HEADS =
            "SELECT id, up_to_global_index, event_count, head_hash, signature, key_id, created_at FROM chain_checkpoint";

    static SignedHead head(ResultSet row) throws SQLException {
        return new SignedHead(row.getLong(1), row.getLong(2), row.getLong(3), row.getString(4), row.getString(5), row.getString(6),
                row.getObject(7, OffsetDateTime.class).toInstant());
    }

    private SignedHead checkpointOnce() {
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
            return null;
        }
        String head = previousHead.orElse(null);
        for (Link link : links) {
            head = EventHash.fold(head, link.globalIndex(), link.hash());
        }
        long upTo = links.get(links.size() - 1).globalIndex();
        String signature = key.sign(SignedHead.statement(upTo, head));
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        GeneratedKeyHolder generated = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO chain_checkpoint (up_to_global_index, event_count, head_hash, previous_head_hash, created_at,
                                                      signature, key_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(upTo, links.size(), head, previousHead.orElse(null), now, signature, key.keyId())
                .update(generated, "id");
        long checkpointId = generated.getKeyAs(Number.class).longValue();
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
        return new SignedHead(checkpointId, upTo, links.size(), head, signature, key.keyId(), now.toInstant());
    }

    private record Link(long globalIndex, String aggregateIdentifier, long sequence, String hash) {
    }
}
