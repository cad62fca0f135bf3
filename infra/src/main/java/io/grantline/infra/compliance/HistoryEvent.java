package io.grantline.infra.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One stored event as a compliance officer reads it: where it sits (stream, sequence, global position), what it is,
 * when it was stored, who caused it through which channel, its payload exactly as stored, and its place in the hash
 * chain. Every field is always written, null included, so the shape of an evidence line never varies.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HistoryEvent(String aggregateType, String aggregateId, long sequence, long globalIndex, String type,
                           Instant timestamp, String actorId, String channel, JsonNode payload, String hash,
                           String previousHash) {
}
