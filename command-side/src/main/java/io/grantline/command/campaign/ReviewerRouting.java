package io.grantline.command.campaign;

import io.grantline.api.identity.IdentityId;
import io.grantline.command.identity.IdentityFacts;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who reviews a grant (DESIGN.md): a person's grant goes to the entitlement's owner, a non-human identity's grant to
 * its owner; where that would be the holder, the holder's manager. Only an active person reviews: an inactive one is
 * passed over for their manager, and so on up.
 */
final class ReviewerRouting {

    /** Deep enough for any real reporting line; a cycle in the manager chain ends here instead of looping. */
    private static final int LONGEST_CHAIN = 12;

    private final Function<IdentityId, Optional<IdentityFacts>> identities;

    ReviewerRouting(Function<IdentityId, Optional<IdentityFacts>> identities) {
        this.identities = identities;
    }

    Optional<IdentityId> reviewerOf(IdentityId holderId, IdentityId entitlementOwnerId) {
        Optional<IdentityFacts> holder = identities.apply(holderId);
        if (holder.isEmpty()) {
            return Optional.empty();
        }
        IdentityId first = holder.get().kind().isHuman() ? entitlementOwnerId : holder.get().ownerId();
        if (first == null || first.equals(holderId)) {
            first = holder.get().managerId();
        }
        return nearestActive(first, holderId);
    }

    /** {@code start}, or the nearest active person above them, never {@code holderId} (four eyes). */
    Optional<IdentityId> nearestActive(IdentityId start, IdentityId holderId) {
        IdentityId candidate = start;
        for (int hop = 0; hop < LONGEST_CHAIN && candidate != null; hop++) {
            Optional<IdentityFacts> facts = identities.apply(candidate);
            if (facts.isEmpty()) {
                return Optional.empty();
            }
            if (facts.get().isActiveHuman() && !candidate.equals(holderId)) {
                return Optional.of(candidate);
            }
            candidate = facts.get().managerId();
        }
        return Optional.empty();
    }
}
