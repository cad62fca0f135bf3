package io.grantline.infra.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's JDBC event store that also writes each event's link of the hash chain into {@code event_hash}, on the same
 * connection and in the same transaction as the event: an event never commits without its hash, nor a hash without
 * its event.
 *
 * <p>The hash is computed from the row just written, read back from the table, so that verification can recompute
 * it from the table alone. The canonical form is described on {@link EventHash}: SHA-256 (hex) over UTF-8 of every
 * column that carries meaning (event identifier, aggregate type, stream, sequence, payload type and revision, timestamp,
 * canonical payload and metadata) and the hash of the event before it in the same stream (none for the first).
 */
public class ChainingJdbcEventStorageEngine extends JdbcEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(ChainingJdbcEventStorageEngine.class);

    private final TransactionManager transactionManager;

    /**
     * @param builder            a fully configured builder of Axon's engine
     * @param transactionManager the same transaction manager given to the builder; events and hashes commit together
     */
    public ChainingJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactionManager) {
        super(builder);
        this.transactionManager = transactionManager;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactionManager.executeInTransaction(() -> {
            super.appendEvents(events, serializer);
            chain(events);
        });
    }

    private void chain(List<? extends EventMessage<?>> events) {
        EventSchema schema = schema();
        String readEvent = "SELECT " + String.join(", ", schema.eventIdentifierColumn(), schema.typeColumn(), schema.payloadTypeColumn(), schema.payloadRevisionColumn(),
                schema.timestampColumn(), schema.payloadColumn(), schema.metaDataColumn())
                + " FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND " + schema.sequenceNumberColumn() + " = ?";
        Map<String, String> hashesOfThisBatch = new HashMap<>();
        try (Connection connection = getConnection();
             PreparedStatement read = connection.prepareStatement(readEvent);
             PreparedStatement readHash = connection.prepareStatement(
                     "SELECT hash FROM event_hash WHERE aggregate_identifier = ? AND sequence_number = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO event_hash (aggregate_identifier, sequence_number, hash, previous_hash, hash_form) VALUES (?, ?, ?, ?, ?)")) {
            for (EventMessage<?> event : events) {
                // Axon stores an event that belongs to no aggregate under its own id, at sequence 0
                String aggregateIdentifier = event instanceof DomainEventMessage<?> domain
                        ? domain.getAggregateIdentifier() : event.getIdentifier();
                long sequence = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0L;
                if (aggregateIdentifier == null) {
                    aggregateIdentifier = event.getIdentifier();
                }
                String previousHash = sequence == 0 ? null
                        : hashesOfThisBatch.containsKey(key(aggregateIdentifier, sequence - 1))
                        ? hashesOfThisBatch.get(key(aggregateIdentifier, sequence - 1))
                        : storedHash(readHash, aggregateIdentifier, sequence - 1);
                if (sequence > 0 && previousHash == null) {
                    log.warn("Event {} of stream {} follows an event without a hash; its chain starts again here",
                            sequence, aggregateIdentifier);
                }
                String hash = EventHash.of(stored(read, aggregateIdentifier, sequence), previousHash);
                hashesOfThisBatch.put(key(aggregateIdentifier, sequence), hash);
                insert.setString(1, aggregateIdentifier);
                insert.setLong(2, sequence);
                insert.setString(3, hash);
                insert.setString(4, previousHash);
                insert.setInt(5, EventHash.CURRENT_FORM);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new EventStoreException("Could not store the hash chain of the appended events", e);
        } catch (EventHash.UnreadableEvent e) {
            throw new EventStoreException("An event just stored cannot be read back for hashing", e);
        }
    }

    private static EventHash.StoredEvent stored(PreparedStatement read, String aggregateIdentifier, long sequence)
            throws SQLException {
        read.setString(1, aggregateIdentifier);
        read.setLong(2, sequence);
        try (ResultSet row = read.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("event " + sequence + " of " + aggregateIdentifier + " was not stored");
            }
            return new EventHash.StoredEvent(row.getString(1), row.getString(2), aggregateIdentifier, sequence,
                    row.getString(3), row.getString(4), row.getString(5), row.getBytes(6), row.getBytes(7));
        }
    }

    private static String storedHash(PreparedStatement readHash, String aggregateIdentifier, long sequence)
            throws SQLException {
        readHash.setString(1, aggregateIdentifier);
        readHash.setLong(2, sequence);
        try (ResultSet row = readHash.executeQuery()) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static String key(String aggregateIdentifier, long sequence) {
        return aggregateIdentifier + '\u0000' + sequence;
    }
}
