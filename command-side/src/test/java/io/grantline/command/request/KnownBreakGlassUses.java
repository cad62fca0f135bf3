package io.grantline.command.request;

import io.grantline.api.identity.IdentityId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Break-glass uses as the event store would count them, for aggregate tests; remembers the window it was asked about. */
final class KnownBreakGlassUses implements BreakGlassUses {

    private final Map<IdentityId, Integer> uses = new HashMap<>();
    Instant askedSince;

    KnownBreakGlassUses used(String identity, int times) {
        uses.put(IdentityId.of(identity), times);
        return this;
    }

    @Override
    public int usesSince(IdentityId beneficiary, Instant since) {
        askedSince = since;
        return uses.getOrDefault(beneficiary, 0);
    }
}
