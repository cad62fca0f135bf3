package io.grantline.infra.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One stored event as a compliance officer reads it: where it sits (stream, sequence, global position), what it is,
 * when it was stored, who caused it through which channel, its payload exactly as stored, and its place in the hash
 * chain. Every field is always written, null included, so the shape of an evidence line never varies. {@code stored}
 * holds the remaining columns as stored, so that anyone can recompute the event's hash from the line alone.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HistoryEvent(String aggregateType, String aggregateId, long sequence, long globalIndex, String type,
                           Instant timestamp, String actorId, String channel, JsonNode payload, String hash,
                           String previousHash, StoredColumns stored) {

    /**
     * The event's columns its hash covers, beyond those above (docs/adr/0004).
     *
     * @param aggregateIdentifier the stream name with its prefix ({@code grant:<uuid>})
     * @param type                Axon's aggregate type column
     * @param payloadType         the payload's full class name
     * @param timeStamp           the timestamp text exactly as stored
     * @param metaData            the whole stored metadata
     * @param hashForm            the canonical form the hash was computed in; null when the event has no hash
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record StoredColumns(String aggregateIdentifier, String eventIdentifier, String type, String payloadType,
                                String payloadRevision, String timeStamp, JsonNode metaData, Integer hashForm) {
    }
}
