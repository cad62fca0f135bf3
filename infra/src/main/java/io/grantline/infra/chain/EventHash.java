package io.grantline.infra.chain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The hash of one stored event, and the fold of event hashes into a checkpoint head (docs/adr/0004).
 *
 * <p>An event's hash is the lower-case hex SHA-256 of the UTF-8 bytes of
 * <pre>
 * aggregateIdentifier "\n" sequenceNumber "\n" payloadType "\n" (payloadRevision or "") "\n"
 * timestamp "\n" canonicalJson(payload) "\n" canonicalJson(metaData) "\n" (previousHash or "")
 * </pre>
 * where every value is taken from the event's stored row: {@code aggregateIdentifier} is the stream name with its
 * prefix ({@code grant:<uuid>}), {@code sequenceNumber} is decimal, {@code timestamp} is the stored instant rewritten
 * as ISO-8601 ({@link Instant#toString()}), {@code canonicalJson} parses the stored JSON bytes and writes them again
 * with the keys of every object sorted by their UTF-16 code units and no whitespace (numbers as written, strings with
 * Jackson's minimal escaping; a missing metadata column is the empty string), and {@code previousHash} is the hash of
 * the event before it in the same stream (none for sequence 0). Anyone holding the table can recompute it.
 *
 * That is form 1. Form 2, in which every event is hashed since migration V6, covers every stored column that carries
 * meaning: it is the same text preceded by {@code "grantline-event/2" "\n" eventIdentifier "\n" (type or "") "\n"},
 * where {@code type} is Axon's aggregate type column. {@code event_hash.hash_form} says which form a row was hashed in.
 *
 * <p>A checkpoint head is {@code sha256(previousHead "\n" globalIndex "\n" eventHash)} folded over the events it
 * covers in global index order, starting from the head of the checkpoint before it (or "" for the first).
 */
final class EventHash {

    /** The form of the hash given to every event stored or adopted now. */
    static final int CURRENT_FORM = 2;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonFactory WRITER = new JsonFactory();
    private static final HexFormat HEX = HexFormat.of();

    private EventHash() {
    }

    /** The stored columns of one event that its hash covers. */
    record StoredEvent(String eventIdentifier, String aggregateType, String aggregateIdentifier, long sequenceNumber,
                       String payloadType, String payloadRevision, String timestamp, byte[] payload, byte[] metaData) {
    }

    /** Thrown when a stored event cannot be read back: its JSON or its timestamp no longer parses. */
    static final class UnreadableEvent extends Exception {
        UnreadableEvent(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The hash in the current form. */
    static String of(StoredEvent event, String previousHash) throws UnreadableEvent {
        return of(event, previousHash, CURRENT_FORM);
    }

    static String of(StoredEvent event, String previousHash, int form) throws UnreadableEvent {
        String prefix = switch (form) {
            case 1 -> "";
            case 2 -> "grantline-event/2\n" + nullToEmpty(event.eventIdentifier()) + "\n" + nullToEmpty(event.aggregateType()) + "\n";
            default -> throw new UnreadableEvent("unknown hash form " + form, null);
        };
        String canonical = prefix + event.aggregateIdentifier() + "\n"
                + event.sequenceNumber() + "\n"
                + event.payloadType() + "\n"
                + (event.payloadRevision() == null ? "" : event.payloadRevision()) + "\n"
                + canonicalInstant(event.timestamp()) + "\n"
                + canonicalJson(event.payload(), "payload") + "\n"
                + (event.metaData() == null ? "" : canonicalJson(event.metaData(), "metadata")) + "\n"
                + (previousHash == null ? "" : previousHash);
        return sha256(canonical);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    static String fold(String previousHead, long globalIndex, String eventHash) {
        return sha256((previousHead == null ? "" : previousHead) + "\n" + globalIndex + "\n" + eventHash);
    }

    static String canonicalInstant(String stored) throws UnreadableEvent {
        try {
            return Instant.parse(stored.trim()).toString();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new UnreadableEvent("timestamp is not an instant", e);
        }
    }

    static String canonicalJson(byte[] json, String what) throws UnreadableEvent {
        if (json == null || json.length == 0) {
            throw new UnreadableEvent(what + " is empty", null);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (IOException e) {
            throw new UnreadableEvent(what + " is not valid JSON", e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new UnreadableEvent(what + " is empty", null);
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = WRITER.createGenerator(out)) {
            write(tree, generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes a tree with sorted object keys: Jackson's trees keep the order the keys were read in. */
    private static void write(JsonNode node, JsonGenerator generator) throws IOException {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            generator.writeStartObject();
            for (String name : names) {
                generator.writeFieldName(name);
                write(node.get(name), generator);
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (Iterator<JsonNode> elements = node.elements(); elements.hasNext(); ) {
                write(elements.next(), generator);
            }
            generator.writeEndArray();
        } else {
            JSON.writeTree(generator, node);
        }
    }

    static String sha256(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
