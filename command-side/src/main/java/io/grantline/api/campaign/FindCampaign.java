package io.grantline.api.campaign;

/** A campaign's report, from the read side. Answered with an optional {@link CampaignReport}. */
public record FindCampaign(CampaignId campaignId) {
}
