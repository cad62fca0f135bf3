package io.grantline.workflow.campaign;

import io.grantline.api.campaign.AssignReviews;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The snapshot: the campaign aggregate opens one review per reviewer, in this job's transaction. */
@Component("assignReviews")
class AssignReviewsDelegate implements JavaDelegate {

    private final CommandGateway commands;

    AssignReviewsDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        commands.sendAndWait(new AssignReviews(ReviewVariables.campaignId(execution)));
    }
}
