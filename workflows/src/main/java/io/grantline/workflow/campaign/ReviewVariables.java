package io.grantline.workflow.campaign;

import io.grantline.api.campaign.CampaignId;
import io.grantline.api.campaign.ReviewId;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The identifiers the recertification processes hold (docs/processes.md). */
final class ReviewVariables {

    private ReviewVariables() {
    }

    static ReviewId reviewId(DelegateExecution execution) {
        return ReviewId.of((String) execution.getVariable("reviewId"));
    }

    static CampaignId campaignId(DelegateExecution execution) {
        return CampaignId.of((String) execution.getVariable("campaignId"));
    }
}
