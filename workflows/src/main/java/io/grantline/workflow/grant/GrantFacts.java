package io.grantline.workflow.grant;

import io.grantline.api.entitlement.EntitlementDefined;
import io.grantline.api.grant.AccessGranted;
import io.grantline.api.grant.GrantExtended;
import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.GrantProvisioned;
import io.grantline.api.grant.GrantRevoked;
import io.grantline.api.grant.GrantStatus;
import io.grantline.api.grant.GrantSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * A grant as its own events tell it, for the connector: read from the event store in the step's transaction, so a
 * grant provisioned or deprovisioned moments after it was granted or revoked is never "not there yet", whatever the
 * read models are doing (they may be behind, or their store may be down).
 */
@Component
class GrantFacts {

    private final EventStore events;

    GrantFacts(EventStore events) {
        this.events = events;
    }

    GrantSummary grant(GrantId id) {
        return find(id).orElseThrow(() -> new IllegalStateException("grant " + id.value() + " has no AccessGranted event"));
    }

    Optional<GrantSummary> find(GrantId id) {
        List<Object> history = payloads(id.toString());
        AccessGranted granted = history.stream().filter(AccessGranted.class::isInstance).map(AccessGranted.class::cast).findFirst()
                .orElse(null);
        if (granted == null) {
            return Optional.empty();
        }
        GrantRevoked revoked = history.stream().filter(GrantRevoked.class::isInstance).map(GrantRevoked.class::cast).findFirst()
                .orElse(null);
        boolean provisioned = history.stream().anyMatch(GrantProvisioned.class::isInstance);
        Instant validUntil = history.stream().filter(GrantExtended.class::isInstance).map(GrantExtended.class::cast)
                .map(GrantExtended::validUntil).reduce((first, later) -> later).orElse(granted.validUntil());
        GrantStatus status = revoked != null ? GrantStatus.ENDED : provisioned ? GrantStatus.ACTIVE : GrantStatus.PENDING_PROVISIONING;
        String resource = payloads(granted.entitlementId().toString()).stream().filter(EntitlementDefined.class::isInstance)
                .map(EntitlementDefined.class::cast).map(EntitlementDefined::resource).findFirst().orElse(null);
        return Optional.of(new GrantSummary(id, granted.identityId(), granted.entitlementId(), resource, granted.requestId(), status,
                granted.validFrom(), validUntil, revoked == null ? null : revoked.endedAt(),
                revoked == null ? null : revoked.reason()));
    }

    private List<Object> payloads(String aggregateId) {
        return events.readEvents(aggregateId).asStream().map(Message::getPayload).map(Object.class::cast).toList();
    }
}
