package io.grantline.api.campaign;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.DecisionAuthentication;
import io.grantline.api.request.DecisionChannel;
import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * One outcome for one or more items of one review (select-all); all are recorded, or none. {@code authentication}: how
 * the reviewer proved who they are (HIGH and CRITICAL items need a credential they entered themselves).
 */
public record RecordReviewDecision(@TargetAggregateIdentifier ReviewId reviewId, List<ReviewItemId> itemIds, IdentityId reviewerId,
                                   ReviewOutcome outcome, String comment, DecisionChannel channel, String address,
                                   DecisionAuthentication authentication) {

    public RecordReviewDecision {
        Objects.requireNonNull(authentication, "authentication");
    }
}
