package io.grantline.workflow.identity;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.workflow.settings.OffboardingSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * An owner who stopped being active leaves non-human identities without an accountable owner, and a sponsor external
 * people without anyone vouching for them: the step counts both ({@code ownedIdentities}, the model's name from before
 * sponsors were handed on), sets when they must have a new owner or sponsor ({@code ownerTransferDue}, now plus
 * {@code grantline.offboarding.owner-transfer-within}) and asks for them by mail. The facts come from the identity
 * index, consistent with the event store.
 */
@Component("announceOwnerTransfer")
class AnnounceOwnerTransferDelegate implements JavaDelegate {

    static final String OWNED = "ownedIdentities";
    static final String DUE = "ownerTransferDue";

    private final IdentitiesNow identities;
    private final OwnerTransferMails mails;
    private final OffboardingSettings settings;
    private final Clock clock;

    AnnounceOwnerTransferDelegate(IdentitiesNow identities, OwnerTransferMails mails, OffboardingSettings settings, Clock clock) {
        this.identities = identities;
        this.mails = mails;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IdentityId ownerId = IdentityId.of((String) execution.getVariable("identityId"));
        List<IdentitySummary> owned = identities.ownedBy(ownerId);
        List<IdentitySummary> sponsored = identities.sponsoredBy(ownerId);
        // the model's gateway counts everything that must be handed on: non-human identities and external people alike
        execution.setVariable(OWNED, owned.size() + sponsored.size());
        if (owned.isEmpty() && sponsored.isEmpty()) {
            return;
        }
        Instant due = clock.instant().plus(settings.ownerTransferWithin());
        execution.setVariable(DUE, due.toString());
        Optional<IdentitySummary> owner = identities.find(ownerId);
        if (owner.isEmpty()) {
            return;
        }
        Optional<IdentitySummary> manager = Optional.ofNullable(owner.get().managerId()).flatMap(identities::find);
        mails.askForNewOwners(execution.getProcessBusinessKey(), owner.get(), manager, what((String) execution.getVariable("endReason")),
                owned, sponsored, due);
    }


    /** The lockout's reason in words: a compromise, a departure, or (no reason) a suspension. */
    private static String what(String endReason) {
        if ("COMPROMISED".equals(endReason)) {
            return "was marked compromised";
        }
        return "DEPARTED".equals(endReason) ? "has left" : "is suspended";
    }
}
