package io.grantline.api.campaign;

public enum CampaignStatus {
    OPEN,
    CLOSED
}
