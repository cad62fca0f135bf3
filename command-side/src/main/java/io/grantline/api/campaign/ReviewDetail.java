package io.grantline.api.campaign;

import java.time.Instant;
import java.util.List;

/**
 * One item on the review page: the item, its resource, since when the holder has had it, the request and the people
 * who approved it (empty: granted without a request), and the last certification (null: never).
 */
public record ReviewDetail(ReviewInboxItem item, String resource, Instant heldSince, String requestId, List<String> approvedBy,
                           Instant lastCertifiedAt) {
}
