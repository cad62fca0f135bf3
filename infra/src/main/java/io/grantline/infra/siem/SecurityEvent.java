package io.grantline.infra.siem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One fact of the event store as the security event stream tells it: what happened ({@code type}, the event's simple
 * name, and {@code name}, in words), how severe it is (0 to 10, as CEF counts), who did it, through which channel and
 * from where, and the event's own fields.
 */
record SecurityEvent(String eventId, Instant at, String type, String name, int severity, String actorId, String channel,
                     String address, JsonNode payload) {
}
