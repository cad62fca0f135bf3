package io.grantline.infra.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
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

    /** Events hashed, or streams read ahead, per round trip: well under any database's limit on bound parameters. */
    private static final int CHUNK = 200;
    private static final String READ_AHEAD = ChainingJdbcEventStorageEngine.class.getName() + ".readAhead";

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
            for (int from = 0; from < events.size(); from += CHUNK) {
                chain(events.subList(from, Math.min(events.size(), from + CHUNK)));
            }
        });
    }

    /**
     * Reads the streams of many aggregates with one query and keeps them in the current unit of work (its root), where
     * {@link #fetchDomainEvents} takes each of them once. Outside a unit of work it does nothing.
     */
    public void readAhead(Collection<String> aggregateIdentifiers) {
        if (aggregateIdentifiers.isEmpty() || !CurrentUnitOfWork.isStarted()) {
            return;
        }
        Map<String, List<DomainEventData<?>>> streams = CurrentUnitOfWork.get().root().getOrComputeResource(READ_AHEAD, key -> new HashMap<>());
        List<String> ids = List.copyOf(aggregateIdentifiers);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            Map<String, List<DomainEventData<?>>> read = new HashMap<>();
            chunk.forEach(id -> read.put(id, new ArrayList<>()));
            transactionManager.executeInTransaction(() -> {
                EventSchema schema = schema();
                String sql = "SELECT " + domainEventFields() + " FROM " + schema.domainEventTable() + " WHERE "
                        + schema.aggregateIdentifierColumn() + " IN (" + placeholders(chunk.size()) + ") ORDER BY "
                        + schema.aggregateIdentifierColumn() + ", " + schema.sequenceNumberColumn();
                try (Connection connection = getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        query.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            DomainEventData<?> event = getDomainEventData(rows);
                            read.get(event.getAggregateIdentifier()).add(event);
                        }
                    }
                } catch (SQLException e) {
                    throw new EventStoreException("could not read ahead the streams of " + chunk.size() + " aggregates", e);
                }
            });
            streams.putAll(read);
        }
    }

    /**
     * A stream read ahead in this unit of work is served from memory, once (the command that loads it appends to it);
     * a stream too long for one batch is read as usual.
     */
    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
        if (CurrentUnitOfWork.isStarted()) {
            Map<String, List<DomainEventData<?>>> streams = CurrentUnitOfWork.get().root().getResource(READ_AHEAD);
            List<DomainEventData<?>> ahead = streams == null ? null : streams.remove(aggregateIdentifier);
            if (ahead != null && firstSequenceNumber == 0 && ahead.size() < batchSize) {
                return ahead;
            }
        }
        return super.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize);
    }

    /**
     * No snapshot is ever stored here (every aggregate is short-lived or small), so loading an aggregate does not
     * ask the snapshot table first: one round trip less for every command.
     */
    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    /**
     * A stream's events are read in batches ordered by sequence number: a batch shorter than the batch size is the
     * end of the stream. Axon's JDBC default asks once more to be sure, a second round trip for every load.
     */
    @Override
    protected boolean fetchForAggregateUntilEmpty() {
        return false;
    }

    /**
     * Hashes a chunk of just-appended events: their rows are read back with one query, and the hashes they follow
     * (earlier events of the same streams, not in this chunk) with another, so a bulk revocation of a thousand grants
     * costs a few round trips per hundred events instead of two per event.
     */
    private void chain(List<? extends EventMessage<?>> events) {
        List<StreamPosition> positions = events.stream().map(StreamPosition::of).toList();
        Map<String, String> hashes = new HashMap<>();
        try (Connection connection = getConnection()) {
            Map<String, EventHash.StoredEvent> stored = storedRows(connection, positions);
            hashes.putAll(previousHashes(connection, positions));
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO event_hash (aggregate_identifier, sequence_number, hash, previous_hash, hash_form) VALUES (?, ?, ?, ?, ?)")) {
                for (StreamPosition position : positions) {
                    String previousHash = position.sequence() == 0 ? null : hashes.get(key(position.aggregateIdentifier(), position.sequence() - 1));
                    if (position.sequence() > 0 && previousHash == null) {
                        log.warn("Event {} of stream {} follows an event without a hash; its chain starts again here",
                                position.sequence(), position.aggregateIdentifier());
                    }
                    EventHash.StoredEvent row = stored.get(key(position.aggregateIdentifier(), position.sequence()));
                    if (row == null) {
                        throw new SQLException("event " + position.sequence() + " of " + position.aggregateIdentifier() + " was not stored");
                    }
                    String hash = EventHash.of(row, previousHash);
                    hashes.put(key(position.aggregateIdentifier(), position.sequence()), hash);
                    insert.setString(1, position.aggregateIdentifier());
                    insert.setLong(2, position.sequence());
                    insert.setString(3, hash);
                    insert.setString(4, previousHash);
                    insert.setInt(5, EventHash.CURRENT_FORM);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new EventStoreException("Could not store the hash chain of the appended events", e);
        } catch (EventHash.UnreadableEvent e) {
            throw new EventStoreException("An event just stored cannot be read back for hashing", e);
        }
    }

    /** Where an event sits: Axon stores an event that belongs to no aggregate under its own id, at sequence 0. */
    private record StreamPosition(String eventIdentifier, String aggregateIdentifier, long sequence) {

        static StreamPosition of(EventMessage<?> event) {
            if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
                return new StreamPosition(event.getIdentifier(), domain.getAggregateIdentifier(), domain.getSequenceNumber());
            }
            return new StreamPosition(event.getIdentifier(), event.getIdentifier(), 0L);
        }
    }

    /** The chunk's rows as the table holds them, by event identifier (unique), in one query. */
    private Map<String, EventHash.StoredEvent> storedRows(Connection connection, List<StreamPosition> positions) throws SQLException {
        EventSchema schema = schema();
        String sql = "SELECT " + String.join(", ", schema.eventIdentifierColumn(), schema.aggregateIdentifierColumn(),
                schema.sequenceNumberColumn(), schema.typeColumn(), schema.payloadTypeColumn(), schema.payloadRevisionColumn(),
                schema.timestampColumn(), schema.payloadColumn(), schema.metaDataColumn())
                + " FROM " + schema.domainEventTable() + " WHERE " + schema.eventIdentifierColumn() + " IN (" + placeholders(positions.size()) + ")";
        Map<String, StreamPosition> byEventId = new HashMap<>();
        positions.forEach(position -> byEventId.put(position.eventIdentifier(), position));
        Map<String, EventHash.StoredEvent> rows = new HashMap<>();
        try (PreparedStatement read = connection.prepareStatement(sql)) {
            for (int i = 0; i < positions.size(); i++) {
                read.setString(i + 1, positions.get(i).eventIdentifier());
            }
            try (ResultSet row = read.executeQuery()) {
                while (row.next()) {
                    StreamPosition position = byEventId.get(row.getString(1));
                    // the position Axon wrote for an event without an aggregate is the one StreamPosition assumes
                    rows.put(key(position.aggregateIdentifier(), position.sequence()),
                            new EventHash.StoredEvent(row.getString(1), row.getString(4), position.aggregateIdentifier(),
                                    position.sequence(), row.getString(5), row.getString(6), row.getString(7), row.getBytes(8),
                                    row.getBytes(9)));
                }
            }
        }
        return rows;
    }

    /** The stored hashes that the chunk's first event of each stream follows, in one query. */
    private static Map<String, String> previousHashes(Connection connection, List<StreamPosition> positions) throws SQLException {
        Map<String, Long> wanted = new HashMap<>();
        for (StreamPosition position : positions) {
            if (position.sequence() > 0) {
                wanted.merge(position.aggregateIdentifier(), position.sequence() - 1, Math::min);
            }
        }
        Map<String, String> hashes = new HashMap<>();
        if (wanted.isEmpty()) {
            return hashes;
        }
        List<Map.Entry<String, Long>> pairs = List.copyOf(wanted.entrySet());
        String sql = "SELECT aggregate_identifier, sequence_number, hash FROM event_hash WHERE "
                + String.join(" OR ", Collections.nCopies(pairs.size(), "(aggregate_identifier = ? AND sequence_number = ?)"));
        try (PreparedStatement read = connection.prepareStatement(sql)) {
            for (int i = 0; i < pairs.size(); i++) {
                read.setString(2 * i + 1, pairs.get(i).getKey());
                read.setLong(2 * i + 2, pairs.get(i).getValue());
            }
            try (ResultSet row = read.executeQuery()) {
                while (row.next()) {
                    hashes.put(key(row.getString(1), row.getLong(2)), row.getString(3));
                }
            }
        }
        return hashes;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static String key(String aggregateIdentifier, long sequence) {
        return aggregateIdentifier + '\u0000' + sequence;
    }
}
