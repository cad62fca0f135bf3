package io.grantline.api.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.DecisionAuthentication;
import io.grantline.api.request.DecisionChannel;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A reviewer's decision on one grant: who, when, through which channel, from which address, whether they had signed in
 * (a digest link alone does not sign anyone in, nor does an integration's API token) and how they proved who they are
 * ({@code authentication}; absent on decisions recorded before it was).
 */
@Revision("1")
public record ReviewDecisionRecorded(CampaignId campaignId, ReviewId reviewId, ReviewItemId itemId, GrantId grantId,
                                     IdentityId reviewerId, ReviewOutcome outcome, String comment, DecisionChannel channel,
                                     String address, boolean signedIn, Instant decidedAt,
                                     @JsonInclude(JsonInclude.Include.NON_NULL) DecisionAuthentication authentication)
        implements ReviewEvent {
}
