package io.grantline.workflow.request;

import io.grantline.api.entitlement.FindEntitlementOwnerNow;
import io.grantline.api.identity.FindIdentityNow;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.api.identity.ListActiveHolders;
import io.grantline.api.identity.Role;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.AccessRequested;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Break-glass access was just given: the entitlement's owner and every active OT security identity are told at once
 * (DESIGN.md), before any review opens. Who they are comes from the event store (the request's own stream, the
 * entitlement and identity indexes), not from a read model.
 */
@Component("announceBreakGlass")
class AnnounceBreakGlassDelegate implements JavaDelegate {

    private final EventStore events;
    private final QueryGateway queries;
    private final BreakGlassMails mails;

    AnnounceBreakGlassDelegate(EventStore events, QueryGateway queries, BreakGlassMails mails) {
        this.events = events;
        this.queries = queries;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AccessRequestId requestId = StageVariables.requestId(execution);
        AccessRequested filed = events.readEvents(requestId.toString()).asStream().map(Message::getPayload)
                .filter(AccessRequested.class::isInstance).map(AccessRequested.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("request " + requestId.value() + " has no AccessRequested event"));
        Set<IdentityId> recipients = new TreeSet<>();
        queries.query(new FindEntitlementOwnerNow(filed.entitlementId()), ResponseTypes.optionalInstanceOf(IdentityId.class)).join()
                .filter(this::active).ifPresent(recipients::add);
        recipients.addAll(holdersOf(Role.OT_SECURITY));
        // the person who used break-glass is not who it is announced to
        recipients.remove(filed.requesterId());
        if (recipients.isEmpty()) {
            recipients.addAll(holdersOf(Role.SECURITY_OPERATOR));
            recipients.addAll(holdersOf(Role.ADMINISTRATOR));
            recipients.remove(filed.requesterId());
        }
        if (recipients.isEmpty()) {
            // "security is told" must not quietly mean nobody: an incident in Cockpit until someone is there to tell
            throw new IllegalStateException("nobody but the requester can be told of break-glass request " + requestId.value());
        }
        mails.granted(requestId, recipients);
    }

    private Set<IdentityId> holdersOf(Role role) {
        Set<IdentityId> holders = new TreeSet<>();
        queries.query(new ListActiveHolders(role), ResponseTypes.multipleInstancesOf(IdentitySummary.class)).join()
                .forEach(holder -> holders.add(holder.id()));
        return holders;
    }

    private boolean active(IdentityId person) {
        return queries.query(new FindIdentityNow(person), ResponseTypes.optionalInstanceOf(IdentitySummary.class)).join()
                .filter(identity -> identity.status() == IdentityStatus.ACTIVE).isPresent();
    }
}
