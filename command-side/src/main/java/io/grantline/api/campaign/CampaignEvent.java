package io.grantline.api.campaign;

/** The facts of one recertification campaign as a whole; each reviewer's share is a {@link ReviewEvent} stream. */
public sealed interface CampaignEvent permits CampaignLaunched, ReviewsAssigned, ReviewConcluded, CampaignClosed {

    CampaignId campaignId();
}
