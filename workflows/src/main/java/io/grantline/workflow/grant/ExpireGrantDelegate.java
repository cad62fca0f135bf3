package io.grantline.workflow.grant;

import io.grantline.api.grant.ExpireGrant;
import io.grantline.api.grant.GrantId;
import io.grantline.workflow.settings.GrantSettings;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The grant's time is up: it ends by itself. An extension approved since the timer was set has moved the end; the
 * aggregate answers it, and the process waits again for the new end (variable {@code extended}), with a new notice.
 */
@Component("expireGrant")
class ExpireGrantDelegate implements JavaDelegate {

    private final CommandGateway commands;
    private final GrantSettings settings;
    private final Clock clock;

    ExpireGrantDelegate(CommandGateway commands, GrantSettings settings, Clock clock) {
        this.commands = commands;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant stillUntil = commands.sendAndWait(new ExpireGrant(GrantId.of((String) execution.getVariable("grantId"))));
        execution.setVariable("extended", stillUntil != null);
        if (stillUntil != null) {
            execution.setVariable("validUntil", stillUntil.toString());
            execution.setVariable("expiryNoticeAt", settings.expiryNoticeAt(clock.instant(), stillUntil).toString());
        }
    }
}
