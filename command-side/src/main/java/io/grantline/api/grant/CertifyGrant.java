package io.grantline.api.grant;

import io.grantline.api.campaign.CampaignId;
import io.grantline.api.identity.IdentityId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A reviewer certified the grant in a campaign. Certifying an ended grant changes nothing. */
public record CertifyGrant(@TargetAggregateIdentifier GrantId grantId, CampaignId campaignId, IdentityId reviewerId) {
}
