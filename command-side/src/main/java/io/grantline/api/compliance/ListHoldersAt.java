package io.grantline.api.compliance;

import io.grantline.api.entitlement.EntitlementId;
import java.time.Instant;

/**
 * Who held {@code entitlementId}, or any entitlement of {@code resource}, at the instant {@code at}: the grants whose
 * interval contains it ({@code validFrom <= at < validUntil}, the end being the revocation where that came earlier).
 * Exactly one of {@code entitlementId} and {@code resource} is given.
 */
public record ListHoldersAt(EntitlementId entitlementId, String resource, Instant at) {

    public ListHoldersAt {
        if ((entitlementId == null) == (resource == null)) {
            throw new IllegalArgumentException("give exactly one of entitlementId and resource");
        }
        if (at == null) {
            throw new IllegalArgumentException("at is required");
        }
    }
}
