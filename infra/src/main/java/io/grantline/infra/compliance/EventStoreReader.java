package io.grantline.infra.compliance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantline.infra.chain.ChainLink;
import io.grantline.infra.chain.ChainLookup;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the event store's own table, not a read model: what compliance shows is what was stored. Large reads go page
 * by page along the global index, so memory stays constant and no connection is held while a client downloads.
 *
 * <p>Axon stores {@code timeStamp} as ISO-8601 text whose fraction may vary in length, so text comparison is exact
 * only up to the second: queries narrow by the whole seconds in SQL and decide the exact bound in Java.
 */
@Component
class EventStoreReader {

    static final int PAGE = 500;

    private static final String COLUMNS =
            "SELECT globalIndex, aggregateIdentifier, sequenceNumber, payloadType, payloadRevision, timeStamp, payload, metaData,"
                    + " eventIdentifier, type"
                    + " FROM DomainEventEntry";
    private static final Map<String, String> AGGREGATE_TYPES = Map.of(
            "grant", "Grant", "request", "AccessRequest", "identity", "Identity", "entitlement", "Entitlement",
            "campaign", "RecertificationCampaign");
    private static final Instant LATEST_STORED = Instant.parse("9999-12-31T23:59:58Z");
    /** Numbers exactly as stored (1.50 stays 1.50), so that an export line gives back the bytes its hash covers. */
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final JdbcClient jdbc;
    private final ObjectProvider<ChainLookup> chain;

    EventStoreReader(JdbcClient jdbc, ObjectProvider<ChainLookup> chain) {
        this.jdbc = jdbc;
        this.chain = chain;
    }

    /** Every event of the given streams, oldest first. */
    List<StoredEvent> streams(Collection<String> aggregateIdentifiers) {
        List<String> ids = List.copyOf(aggregateIdentifiers);
        List<StoredEvent> events = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += PAGE) {
            events.addAll(jdbc.sql(COLUMNS + " WHERE aggregateIdentifier IN (:ids)")
                    .param("ids", ids.subList(start, Math.min(ids.size(), start + PAGE)))
                    .query(EventStoreReader::row).list());
        }
        events.sort(Comparator.comparingLong(StoredEvent::globalIndex));
        return events;
    }

    /** Every event stored in {@code [from, to)}, in global order, handed over one at a time. */
    void forEachStoredBetween(Instant from, Instant to, Consumer<StoredEvent> action) {
        String lower = lowerBound(from);
        String upper = upperBound(to);
        pages(" AND timeStamp >= :lower AND timeStamp < :upper", Map.of("lower", lower, "upper", upper), event -> {
            Instant at = timestamp(event);
            if (at != null && !at.isBefore(from) && at.isBefore(to)) {
                action.accept(event);
            }
        });
    }

    /** Every event of the given payload types stored at or before {@code until}, in global order. */
    void forEachOfTypesUntil(Collection<String> payloadTypes, Instant until, Consumer<StoredEvent> action) {
        pages(" AND payloadType IN (:types) AND timeStamp < :upper", Map.of("types", List.copyOf(payloadTypes), "upper",
                upperBound(until)), event -> {
            Instant at = timestamp(event);
            if (at != null && !at.isAfter(until)) {
                action.accept(event);
            }
        });
    }

    /** The event as a compliance answer shows it, with its chain link when the chain is kept. */
    HistoryEvent toHistory(StoredEvent event) {
        String identifier = event.aggregateIdentifier();
        int colon = identifier.indexOf(':');
        String prefix = colon < 0 ? null : identifier.substring(0, colon);
        String type = event.payloadType();
        String simpleType = type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
        JsonNode meta = readJson(event.metaData());
        ChainLookup lookup = chain.getIfAvailable();
        Optional<ChainLink> link = lookup == null ? Optional.empty() : lookup.linkOf(identifier, event.sequence());
        return new HistoryEvent(aggregateType(prefix), colon < 0 ? identifier : identifier.substring(colon + 1), event.sequence(),
                event.globalIndex(), simpleType, timestamp(event), text(meta, "actorId"), text(meta, "channel"),
                payload(event.payload()), link.map(ChainLink::hash).orElse(null), link.map(ChainLink::previousHash).orElse(null),
                new HistoryEvent.StoredColumns(identifier, event.eventIdentifier(), event.type(), type, event.payloadRevision(),
                        event.timeStamp(), meta, link.map(ChainLink::hashForm).orElse(null)));
    }

    /** The payload as JSON; a payload that is not JSON is shown as {@code {"unreadable": true}} rather than failing the read. */
    JsonNode payload(byte[] bytes) {
        JsonNode payload = readJson(bytes);
        if (payload == null) {
            ObjectNode unreadable = JsonNodeFactory.instance.objectNode();
            unreadable.put("unreadable", true);
            return unreadable;
        }
        return payload;
    }

    static Instant timestamp(StoredEvent event) {
        try {
            return Instant.parse(event.timeStamp());
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }

    static String aggregateType(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return null;
        }
        return AGGREGATE_TYPES.getOrDefault(prefix, prefix.substring(0, 1).toUpperCase(Locale.ROOT) + prefix.substring(1));
    }

    private void pages(String condition, Map<String, ?> params, Consumer<StoredEvent> action) {
        long after = -1;
        while (true) {
            List<StoredEvent> page = jdbc.sql(COLUMNS + " WHERE globalIndex > :after" + condition
                            + " ORDER BY globalIndex FETCH FIRST " + PAGE + " ROWS ONLY")
                    .param("after", after).params(params)
                    .query(EventStoreReader::row).list();
            page.forEach(action);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).globalIndex();
        }
    }

    private JsonNode readJson(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            JsonNode node = EXACT.readTree(bytes);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.hasNonNull(field)) {
            return null;
        }
        JsonNode value = node.get(field);
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** The whole seconds of {@code from}: every stored text at or after it sorts at or after this prefix. */
    private static String lowerBound(Instant from) {
        if (from.isBefore(Instant.parse("0000-01-01T00:00:00Z"))) {
            return "";
        }
        return from.truncatedTo(ChronoUnit.SECONDS).toString().substring(0, 19);
    }

    /** The second after {@code to}'s: every stored text before {@code to} sorts before this prefix. */
    private static String upperBound(Instant to) {
        if (to.isAfter(LATEST_STORED)) {
            return "A"; // after every digit: no upper limit
        }
        return to.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toString().substring(0, 19);
    }

    private static StoredEvent row(ResultSet rs, int rowNum) throws SQLException {
        return new StoredEvent(rs.getLong("globalIndex"), rs.getString("aggregateIdentifier"), rs.getLong("sequenceNumber"),
                rs.getString("payloadType"), rs.getString("payloadRevision"), rs.getString("timeStamp"), rs.getBytes("payload"),
                rs.getBytes("metaData"), rs.getString("eventIdentifier"), rs.getString("type"));
    }
}
