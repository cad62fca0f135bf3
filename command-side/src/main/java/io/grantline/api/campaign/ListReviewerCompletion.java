package io.grantline.api.campaign;

/** Per reviewer: how far they are, and whether they look like rubber-stamping. Answered with a list of {@link ReviewerCompletion}. */
public record ListReviewerCompletion(CampaignId campaignId) {
}
