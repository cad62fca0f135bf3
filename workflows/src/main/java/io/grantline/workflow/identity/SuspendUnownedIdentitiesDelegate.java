package io.grantline.workflow.identity;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.api.identity.RecordDeparture;
import io.grantline.api.identity.SuspendIdentity;
import io.grantline.workflow.settings.OffboardingSettings;
import io.grantline.workflow.words.PlainWords;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * At the hand-over deadline, a non-human identity the owner still owns while that owner is not active has no
 * accountable owner, and is suspended (DESIGN: "a non-human identity without an active owner is suspended"). One
 * handed to someone else is no longer the owner's, and an owner reinstated meanwhile keeps theirs: both are read now,
 * from the identity index. An external person whose sponsor is not active and whose sponsorship nobody took over
 * departs, as at the end of a sponsorship: nobody on the plant's staff vouches for them any more. A retry changes only
 * what is still active.
 */
@Component("suspendUnownedIdentities")
class SuspendUnownedIdentitiesDelegate implements JavaDelegate {

    private final IdentitiesNow identities;
    private final CommandGateway commands;
    private final OffboardingSettings settings;

    SuspendUnownedIdentitiesDelegate(IdentitiesNow identities, CommandGateway commands, OffboardingSettings settings) {
        this.identities = identities;
        this.commands = commands;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IdentityId ownerId = IdentityId.of((String) execution.getVariable("identityId"));
        Optional<IdentitySummary> owner = identities.find(ownerId);
        if (owner.isPresent() && owner.get().status() == IdentityStatus.ACTIVE) {
            return;
        }
        String reason = "its owner " + ownerId.value() + " is no longer active and nobody took it over within "
                + PlainWords.duration(settings.ownerTransferWithin());
        for (IdentitySummary owned : identities.ownedBy(ownerId)) {
            commands.sendAndWait(new SuspendIdentity(owned.id(), reason));
        }
        String unsponsored = "their sponsor " + ownerId.value() + " is no longer active and nobody took the sponsorship over within "
                + PlainWords.duration(settings.ownerTransferWithin());
        for (IdentitySummary sponsored : identities.sponsoredBy(ownerId)) {
            // as when a sponsorship runs out: the person departs, and their lockout ends every grant they hold (a
            // suspension would leave the grants running with nobody vouching for them)
            commands.sendAndWait(new RecordDeparture(sponsored.id(), unsponsored));
        }
    }
}
