package io.grantline.infra.siem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grantline.api.grant.EndReason;
import io.grantline.api.grant.AccessGranted;
import io.grantline.api.grant.GrantRevoked;
import io.grantline.api.request.AccessRequested;
import io.grantline.api.request.ApprovalDecisionFlagged;
import io.grantline.api.request.DecisionFlag;
import io.grantline.infra.axon.ActorMetadata;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

/**
 * The security event stream: identity, access and catalog facts, as the event store records them, to the SIEM's
 * syslog receiver ({@code grantline.siem.syslog.*}). A tracking processor of its own whose position is stored with the
 * events, so nothing is skipped: while the receiver is away, its handler fails and the processor tries again, with
 * back-off, from the first event not yet written (at least once; {@code externalId} / {@code eventId} tell repeats;
 * TCP itself acknowledges nothing, so lines a receiver had buffered but not read when it died are lost).
 * It starts where the event store stands when the stream is first switched on, not with the whole history.
 */
@ProcessingGroup(SecurityEventStream.PROCESSING_GROUP)
class SecurityEventStream {

    static final String PROCESSING_GROUP = "siem-stream";

    /** What is streamed, in words, and how severe it is (CEF's 0 to 10). */
    record Kind(String name, int severity) {
    }

    static final Map<String, Kind> STREAMED = Map.ofEntries(
            Map.entry("IdentityMarkedCompromised", new Kind("Identity marked compromised", 9)),
            Map.entry("GrantProvisioningFailed", new Kind("Grant could not be provisioned", 7)),
            Map.entry("IdentitySuspended", new Kind("Identity suspended", 6)),
            Map.entry("RolesAssigned", new Kind("Roles changed", 6)),
            Map.entry("IdentityReinstated", new Kind("Identity reinstated", 5)),
            Map.entry("GrantRevoked", new Kind("Grant ended", 5)),
            Map.entry("IdentityDeparted", new Kind("Identity departed", 4)),
            Map.entry("OwnerAssigned", new Kind("Owner of a non-human identity changed", 4)),
            Map.entry("SponsorAssigned", new Kind("Sponsorship of an external person set", 4)),
            Map.entry("AccessGranted", new Kind("Access granted", 4)),
            Map.entry("GrantExtended", new Kind("Grant extended", 4)),
            Map.entry("EntitlementPolicyChanged", new Kind("Entitlement policy changed", 4)),
            Map.entry("EntitlementOwnerChanged", new Kind("Entitlement owner changed", 4)),
            Map.entry("EntitlementProvisioningSet", new Kind("Entitlement enforcement target set", 4)),
            Map.entry("DirectoryEntryAssigned", new Kind("Directory entry of an identity set", 3)),
            Map.entry("IdentityRegistered", new Kind("Identity registered", 3)),
            Map.entry("ManagerAssigned", new Kind("Manager changed", 3)),
            Map.entry("EntitlementDefined", new Kind("Entitlement defined", 3)),
            Map.entry("EntitlementRetired", new Kind("Entitlement retired", 3)),
            Map.entry("GrantProvisioned", new Kind("Grant provisioned", 3)),
            Map.entry("GrantDeprovisioned", new Kind("Grant deprovisioned", 3)),
            Map.entry("ApprovalDecisionFlagged", new Kind("Approval flagged: given seconds after it was asked", 6)),
            Map.entry("ApprovalDecisionRecorded", new Kind("Approval decision", 3)),
            Map.entry("AccessRequestRejected", new Kind("Access request rejected", 3)),
            Map.entry("ReviewDecisionRecorded", new Kind("Recertification decision", 3)));

    private final SyslogConnection syslog;
    private final SecurityEventFormat format;
    private final ObjectMapper json;

    SecurityEventStream(SyslogConnection syslog, SecurityEventFormat format, ObjectMapper json) {
        this.syslog = syslog;
        this.format = format;
        this.json = json;
    }

    /** Break-glass, whose use and whose rejection in review a security operations centre watches most closely. */
    static final Kind BREAK_GLASS_USED = new Kind("Break-glass access requested", 8);
    static final Kind BREAK_GLASS_REJECTED = new Kind("Break-glass grant revoked after its review rejected it", 8);
    static final Kind BREAK_GLASS_REJECTED_IN_REVIEW = new Kind("Break-glass access rejected in review", 8);
    static final Kind GRANTED_BY_SOD_EXCEPTION = new Kind("Access granted under a separation-of-duties exception", 7);

    /** What a fact is on the stream, or null when it is not streamed. */
    static Kind kindOf(Object payload) {
        if (payload instanceof AccessRequested requested) {
            return requested.emergency() ? BREAK_GLASS_USED : null;
        }
        if (payload instanceof AccessGranted granted && granted.sodExceptionFor() != null) {
            return GRANTED_BY_SOD_EXCEPTION;
        }
        if (payload instanceof GrantRevoked revoked && revoked.reason() == EndReason.BREAK_GLASS_REJECTED) {
            return BREAK_GLASS_REJECTED;
        }
        if (payload instanceof ApprovalDecisionFlagged flagged && flagged.flag() == DecisionFlag.BREAK_GLASS_REJECTED) {
            // recorded whether or not the grant was still running when the review found it wrong
            return BREAK_GLASS_REJECTED_IN_REVIEW;
        }
        return STREAMED.get(payload.getClass().getSimpleName());
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        Kind kind = kindOf(payload);
        if (kind == null) {
            return;
        }
        SecurityEvent event = new SecurityEvent(message.getIdentifier(), message.getTimestamp(), payload.getClass().getSimpleName(),
                kind.name(), kind.severity(), text(message, ActorMetadata.ACTOR_ID), text(message, ActorMetadata.CHANNEL),
                text(message, ActorMetadata.ADDRESS), json.valueToTree(payload));
        syslog.send(format.line(event));
    }

    private static String text(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
