package io.grantline.infra.chain;

import io.grantline.infra.chain.BrokenAt.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Walks the event store in global order and recomputes every event's hash from its own row and the link before it in
 * its stream; then looks for hashes whose event is gone, and recomputes every checkpoint's head and checks its signature
 * with the chain's key, which the database's writers do not hold. The first broken place
 * is reported, never an error: a row that no longer parses is itself a finding.
 *
 * <p>Memory stays constant: the events are read a page at a time by global index, each row joined with its own hash,
 * the hash of the event before it and whether that event still exists.
 */
@Component
public class ChainVerifier {

    static final int PAGE_SIZE = 200;

    private static final String PAGE = """
            SELECT d.globalIndex, d.aggregateIdentifier, d.sequenceNumber, d.payloadType, d.payloadRevision, d.timeStamp,
                   d.payload, d.metaData, h.hash, h.previous_hash, p.hash, pe.globalIndex, d.eventIdentifier, d.type, h.hash_form
            FROM DomainEventEntry d
            LEFT JOIN event_hash h ON h.aggregate_identifier = d.aggregateIdentifier AND h.sequence_number = d.sequenceNumber
            LEFT JOIN event_hash p ON p.aggregate_identifier = d.aggregateIdentifier AND p.sequence_number = d.sequenceNumber - 1
            LEFT JOIN DomainEventEntry pe ON pe.aggregateIdentifier = d.aggregateIdentifier AND pe.sequenceNumber = d.sequenceNumber - 1
            WHERE d.globalIndex > ?
            ORDER BY d.globalIndex
            FETCH FIRST %d ROWS ONLY""".formatted(PAGE_SIZE);

    private final JdbcClient jdbc;
    private final ChainSigningKey key;

    ChainVerifier(JdbcClient jdbc, ChainSigningKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    public VerificationReport verify() {
        long verified = 0;
        long after = Long.MIN_VALUE;
        boolean currentFormSeen = false;
        while (true) {
            List<Row> page = jdbc.sql(PAGE).param(after).query(ChainVerifier::row).list();
            for (Row row : page) {
                Optional<BrokenAt> broken = check(row);
                if (broken.isEmpty() && currentFormSeen && row.form() < EventHash.CURRENT_FORM) {
                    // hashes are never made in an older form once the current one is in use: re-hashed to hide a change
                    // to a column that the older form does not cover
                    broken = broken(row, Problem.HASH_MISMATCH);
                }
                currentFormSeen |= row.form() == EventHash.CURRENT_FORM;
                if (broken.isPresent()) {
                    return VerificationReport.broken(verified, broken.get());
                }
                verified++;
                after = row.globalIndex();
            }
            if (page.size() < PAGE_SIZE) {
                break;
            }
        }
        Optional<BrokenAt> broken = orphanHash().or(this::brokenCheckpoint);
        return broken.isPresent() ? VerificationReport.broken(verified, broken.get()) : VerificationReport.intact(verified);
    }

    private static Optional<BrokenAt> check(Row row) {
        if (row.sequence() < 0) {
            return broken(row, Problem.MISSING_EVENT);
        }
        if (row.sequence() > 0 && !row.previousEventExists()) {
            return Optional.of(BrokenAt.event(row.aggregateIdentifier(), row.sequence() - 1, null, Problem.MISSING_EVENT));
        }
        if (row.storedHash() == null) {
            return broken(row, Problem.MISSING_HASH);
        }
        String previousHash = row.sequence() == 0 ? null : row.previousLinkHash();
        if (row.sequence() > 0 && previousHash == null) {
            // the event before it is there but has no hash: it was written directly, after this one
            return Optional.of(BrokenAt.event(row.aggregateIdentifier(), row.sequence() - 1, null, Problem.MISSING_HASH));
        }
        String recomputed;
        try {
            recomputed = EventHash.of(row.event(), previousHash, row.form());
        } catch (EventHash.UnreadableEvent e) {
            return broken(row, Problem.UNREADABLE);
        }
        if (!recomputed.equals(row.storedHash()) || !Objects.equals(previousHash, row.storedPreviousHash())) {
            return broken(row, Problem.HASH_MISMATCH);
        }
        return Optional.empty();
    }

    private static Optional<BrokenAt> broken(Row row, Problem problem) {
        return Optional.of(BrokenAt.event(row.aggregateIdentifier(), row.sequence(), row.globalIndex(), problem));
    }

    /** A hash whose event is gone: the last event of a stream deleted, or an event's identity changed. */
    private Optional<BrokenAt> orphanHash() {
        return jdbc.sql("""
                        SELECT h.aggregate_identifier, h.sequence_number FROM event_hash h
                        WHERE NOT EXISTS (SELECT 1 FROM DomainEventEntry d
                                          WHERE d.aggregateIdentifier = h.aggregate_identifier AND d.sequenceNumber = h.sequence_number)
                        ORDER BY h.aggregate_identifier, h.sequence_number
                        FETCH FIRST 1 ROWS ONLY""")
                .query((row, n) -> BrokenAt.event(row.getString(1), row.getLong(2), null, Problem.MISSING_EVENT))
                .optional();
    }

    private Optional<BrokenAt> brokenCheckpoint() {
        List<Checkpoint> checkpoints = jdbc.sql(
                        "SELECT id, up_to_global_index, event_count, head_hash, previous_head_hash, signature FROM chain_checkpoint ORDER BY id")
                .query((row, n) -> new Checkpoint(row.getLong(1), row.getLong(2), row.getLong(3), row.getString(4), row.getString(5),
                        row.getString(6)))
                .list();
        String previousHead = null;
        for (Checkpoint checkpoint : checkpoints) {
            Fold fold = new Fold(previousHead);
            jdbc.sql("""
                            SELECT d.globalIndex, h.hash FROM event_hash h
                            JOIN DomainEventEntry d ON d.aggregateIdentifier = h.aggregate_identifier AND d.sequenceNumber = h.sequence_number
                            WHERE h.checkpoint_id = ?
                            ORDER BY d.globalIndex""")
                    .param(checkpoint.id())
                    .query((RowCallbackHandler) row -> fold.add(row.getLong(1), row.getString(2)));
            if (!Objects.equals(previousHead, checkpoint.previousHead()) || !checkpoint.head().equals(fold.head)
                    || checkpoint.eventCount() != fold.count || checkpoint.upTo() != fold.upTo) {
                return Optional.of(BrokenAt.checkpoint(checkpoint.id(), checkpoint.upTo()));
            }
            if (checkpoint.signature() == null) {
                return Optional.of(BrokenAt.checkpoint(checkpoint.id(), checkpoint.upTo(), Problem.UNSIGNED_CHECKPOINT));
            }
            if (!Ed25519Keys.verify(key.publicKey(), SignedHead.statement(checkpoint.upTo(), checkpoint.head()), checkpoint.signature())) {
                return Optional.of(BrokenAt.checkpoint(checkpoint.id(), checkpoint.upTo(), Problem.BAD_SIGNATURE));
            }
            previousHead = checkpoint.head();
        }
        // hashes taken by a checkpoint that is gone
        return jdbc.sql("""
                        SELECT MIN(h.checkpoint_id) FROM event_hash h
                        WHERE h.checkpoint_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM chain_checkpoint c WHERE c.id = h.checkpoint_id)""")
                .query((row, n) -> row.getObject(1) == null ? null : BrokenAt.checkpoint(row.getLong(1), 0))
                .optional();
    }

    private static Row row(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        String aggregateIdentifier = row.getString(2);
        long sequence = row.getLong(3);
        return new Row(row.getLong(1),
                new EventHash.StoredEvent(row.getString(13), row.getString(14), aggregateIdentifier, sequence, row.getString(4),
                        row.getString(5), row.getString(6), row.getBytes(7), row.getBytes(8)),
                row.getString(9), row.getString(10), row.getString(11), row.getObject(12) != null,
                row.getObject(15) == null ? EventHash.CURRENT_FORM : row.getInt(15));
    }

    private record Row(long globalIndex, EventHash.StoredEvent event, String storedHash, String storedPreviousHash,
                       String previousLinkHash, boolean previousEventExists, int form) {

        String aggregateIdentifier() {
            return event.aggregateIdentifier();
        }

        long sequence() {
            return event.sequenceNumber();
        }
    }

    private record Checkpoint(long id, long upTo, long eventCount, String head, String previousHead, String signature) {
    }

    private static final class Fold {
        private String head;
        private long count;
        private long upTo = -1;

        Fold(String previousHead) {
            this.head = previousHead;
        }

        void add(long globalIndex, String hash) {
            head = EventHash.fold(head, globalIndex, hash);
            count++;
            upTo = globalIndex;
        }
    }
}
