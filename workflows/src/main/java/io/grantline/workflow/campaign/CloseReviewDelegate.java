package io.grantline.workflow.campaign;

import io.grantline.api.campaign.CloseReview;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The due date passed: the review closes; the bridge revokes or keeps what nobody decided, as the campaign says. */
@Component("closeReview")
class CloseReviewDelegate implements JavaDelegate {

    private final CommandGateway commands;

    CloseReviewDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        commands.sendAndWait(new CloseReview(ReviewVariables.reviewId(execution)));
    }
}
