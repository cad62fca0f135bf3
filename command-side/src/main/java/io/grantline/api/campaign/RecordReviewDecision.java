package io.grantline.api.campaign;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.DecisionChannel;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** One outcome for one or more items of one review (select-all); all are recorded, or none. */
public record RecordReviewDecision(@TargetAggregateIdentifier ReviewId reviewId, List<ReviewItemId> itemIds, IdentityId reviewerId,
                                   ReviewOutcome outcome, String comment, DecisionChannel channel, String address,
                                   boolean signedIn) {
}
