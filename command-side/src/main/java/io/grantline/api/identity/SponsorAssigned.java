package io.grantline.api.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An external person (a vendor's or contractor's engineer) is vouched for by {@code sponsorId} until {@code endsAt}:
 * then they depart, and no grant of theirs outlives that instant. Recorded at registration and at every extension.
 */
@Revision("1")
public record SponsorAssigned(IdentityId identityId, IdentityId sponsorId, Instant endsAt) implements IdentityEvent {
}
