package io.grantline.workflow.campaign;

import io.grantline.api.campaign.CampaignId;
import io.grantline.api.campaign.LaunchCampaign;
import io.grantline.api.campaign.NoDecisionPolicy;
import io.grantline.workflow.settings.RecertificationSettings;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The quarter has begun: a campaign over every grant that has not ended, due {@code review-period} from now, revoking
 * what nobody decides. Its id becomes this instance's business key, so the bridge starts no second instance for it.
 */
@Component("launchScheduledCampaign")
class LaunchScheduledCampaignDelegate implements JavaDelegate {

    private final CommandGateway commands;
    private final RecertificationSettings settings;
    private final Clock clock;

    LaunchScheduledCampaignDelegate(CommandGateway commands, RecertificationSettings settings, Clock clock) {
        this.commands = commands;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CampaignId id = CampaignId.random();
        java.time.Instant dueAt = clock.instant().plus(settings.reviewPeriod());
        commands.sendAndWait(new LaunchCampaign(id, null, null, dueAt, NoDecisionPolicy.REVOKE));
        execution.setVariable("campaignId", id.value());
        execution.setVariable("dueAt", dueAt.toString());
        execution.setProcessBusinessKey(id.value());
    }
}
