package io.grantline.command.request;

import io.grantline.api.identity.IdentityId;
import java.time.Instant;

/**
 * How often an identity was given break-glass access, as the event store has it now (not a read model): the limit
 * {@code grantline.break-glass.per-identity} is a security decision. Asked while the filing holds the beneficiary's
 * lock, so two emergency requests filed at once for one identity are counted one after the other.
 */
public interface BreakGlassUses {

    /** Break-glass requests for {@code beneficiary} filed at or after {@code since}, not counting those the limit refused. */
    int usesSince(IdentityId beneficiary, Instant since);
}
