package io.grantline.api.campaign;

/** Every item of a campaign with its decision, for the CSV export. Answered with a list of {@link CampaignItem}. */
public record ListCampaignItems(CampaignId campaignId) {
}
