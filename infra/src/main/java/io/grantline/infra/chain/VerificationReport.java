package io.grantline.infra.chain;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code GET /api/compliance/verify}.
 *
 * @param verifiedEvents how many events were found intact before the first broken place (all of them when ok)
 * @param firstBrokenAt  the first broken place in global order; null when ok
 * @param ok             whether the whole store matches its hash chain and checkpoints
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationReport(long verifiedEvents, BrokenAt firstBrokenAt, boolean ok) {

    static VerificationReport intact(long verifiedEvents) {
        return new VerificationReport(verifiedEvents, null, true);
    }

    static VerificationReport broken(long verifiedEvents, BrokenAt at) {
        return new VerificationReport(verifiedEvents, at, false);
    }
}
