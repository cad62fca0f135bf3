package io.grantline.infra.transaction;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.RegisterIdentity;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The probe's service task: sends a real command from inside the engine's transaction, then fails if asked to. */
@Component("registerIdentityThenMaybeFail")
class RegisterIdentityThenMaybeFail implements JavaDelegate {

    static final class ProbeFailure extends RuntimeException {
        ProbeFailure() {
            super("the step failed after its command was handled");
        }
    }

    private final CommandGateway commands;

    RegisterIdentityThenMaybeFail(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = (String) execution.getVariable("identityId");
        commands.sendAndWait(new RegisterIdentity(IdentityId.of(id), IdentityKind.HUMAN, "Probe " + id, null, null, null, null));
        if (Boolean.TRUE.equals(execution.getVariable("fail"))) {
            throw new ProbeFailure();
        }
    }
}
