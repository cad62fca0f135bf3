package io.grantline.infra.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantline.api.compliance.AccessInterval;
import io.grantline.api.entitlement.EntitlementDefined;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.grant.AccessGranted;
import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.GrantExtended;
import io.grantline.api.grant.GrantRevoked;
import io.grantline.api.identity.IdentityId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The as-of answer recomputed from the events themselves, without any read model: the catalog's definitions, the
 * grants and their revocations stored up to the instant are folded into intervals. It checks the read model of access
 * intervals; a disagreement means the read model is behind, damaged, or built by faulty code.
 */
@Component
class AsOfReplay {

    private static final List<String> TYPES = List.of(EntitlementDefined.class.getName(), AccessGranted.class.getName(),
            GrantExtended.class.getName(), GrantRevoked.class.getName());

    private final EventStoreReader events;

    AsOfReplay(EventStoreReader events) {
        this.events = events;
    }

    /** Holders of {@code entitlementId} (or of any entitlement of {@code resource}) at {@code at}, as the events tell it. */
    List<AccessInterval> holders(EntitlementId entitlementId, String resource, Instant at) {
        Set<String> entitlements = new HashSet<>();
        if (entitlementId != null) {
            entitlements.add(entitlementId.value());
        }
        Map<String, Fold> grants = new LinkedHashMap<>();
        events.forEachOfTypesUntil(TYPES, at, event -> {
            JsonNode payload = events.payload(event.payload());
            String type = event.payloadType();
            if (type.equals(EntitlementDefined.class.getName())) {
                if (resource != null && resource.equals(payload.path("resource").asText(null))) {
                    entitlements.add(payload.path("entitlementId").asText());
                }
            } else if (type.equals(AccessGranted.class.getName())) {
                String entitlement = payload.path("entitlementId").asText();
                Instant from = instant(payload, "validFrom");
                Instant until = instant(payload, "validUntil");
                if (entitlements.contains(entitlement) && from != null && until != null) {
                    grants.put(payload.path("grantId").asText(), new Fold(payload.path("identityId").asText(), entitlement, from, until));
                }
            } else if (type.equals(GrantExtended.class.getName())) {
                Fold grant = grants.get(payload.path("grantId").asText());
                Instant until = instant(payload, "validUntil");
                if (grant != null && until != null) {
                    grant.until = until.truncatedTo(ChronoUnit.MILLIS);
                }
            } else {
                Fold grant = grants.get(payload.path("grantId").asText());
                Instant endedAt = instant(payload, "endedAt");
                if (grant != null && endedAt != null && endedAt.truncatedTo(ChronoUnit.MILLIS).isBefore(grant.until)) {
                    grant.until = endedAt.truncatedTo(ChronoUnit.MILLIS);
                }
            }
        });
        return grants.entrySet().stream()
                .filter(grant -> !grant.getValue().from.isAfter(at) && at.isBefore(grant.getValue().until))
                .map(grant -> grant.getValue().interval(grant.getKey()))
                .sorted(Comparator.comparing((AccessInterval i) -> i.identityId().value()).thenComparing(i -> i.grantId().value()))
                .toList();
    }

    private static Instant instant(JsonNode payload, String field) {
        try {
            return payload.hasNonNull(field) ? Instant.parse(payload.get(field).asText()) : null;
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private static final class Fold {

        private final String identityId;
        private final String entitlementId;
        private final Instant from;
        private Instant until;

        private Fold(String identityId, String entitlementId, Instant from, Instant until) {
            this.identityId = identityId;
            this.entitlementId = entitlementId;
            // at the read model's precision (milliseconds), so that the two answers compare equal when they agree
            this.from = from.truncatedTo(ChronoUnit.MILLIS);
            this.until = until.truncatedTo(ChronoUnit.MILLIS);
        }

        private AccessInterval interval(String grantId) {
            return new AccessInterval(IdentityId.of(identityId), GrantId.of(grantId), EntitlementId.of(entitlementId), from, until);
        }
    }
}
