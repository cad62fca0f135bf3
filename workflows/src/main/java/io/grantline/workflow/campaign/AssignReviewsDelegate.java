package io.grantline.workflow.campaign;

import io.grantline.api.campaign.AssignReviews;
import io.grantline.api.campaign.CampaignId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The snapshot: the campaign aggregate opens one review per reviewer, and this step starts their review processes,
 * all in this job's transaction. Thousands of reviews then appear at once, task open and digest queued, instead of
 * one by one behind the job executor's own digest work (the bridge still starts any review that has no process).
 */
@Component("assignReviews")
class AssignReviewsDelegate implements JavaDelegate {

    private final CommandGateway commands;
    private final ReviewProcesses reviews;

    AssignReviewsDelegate(CommandGateway commands, ReviewProcesses reviews) {
        this.commands = commands;
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CampaignId campaign = ReviewVariables.campaignId(execution);
        Integer opened = commands.sendAndWait(new AssignReviews(campaign));
        reviews.startAll(campaign, opened == null ? 0 : opened, java.time.Instant.parse((String) execution.getVariable("dueAt")));
    }
}
