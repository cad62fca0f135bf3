package io.grantline.command.grant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.grant.AccessGranted;
import io.grantline.api.grant.EndReason;
import io.grantline.api.grant.CertifyGrant;
import io.grantline.api.grant.GrantCertified;
import io.grantline.api.grant.GrantAccess;
import io.grantline.api.grant.ExpireGrant;
import io.grantline.api.grant.ExtendGrant;
import io.grantline.api.grant.GrantDeprovisioned;
import io.grantline.api.grant.GrantExtended;
import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.GrantProvisioned;
import io.grantline.api.grant.GrantProvisioningFailed;
import io.grantline.api.grant.GrantRevoked;
import io.grantline.api.grant.RecordDeprovisioning;
import io.grantline.api.grant.RecordProvisioning;
import io.grantline.api.grant.RecordProvisioningFailure;
import io.grantline.api.grant.RevokeGrant;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.command.common.Text;
import io.grantline.command.entitlement.EntitlementCatalog;
import io.grantline.command.entitlement.EntitlementFacts;
import io.grantline.command.entitlement.EntitlementRuleViolation.EntitlementRetiredAlready;
import io.grantline.command.grant.GrantRuleViolation.GrantNotEnded;
import io.grantline.command.grant.GrantRuleViolation.GrantTooLong;
import io.grantline.command.grant.GrantRuleViolation.IdentityNotActive;
import io.grantline.command.grant.GrantRuleViolation.InvalidGrantField;
import io.grantline.command.grant.GrantRuleViolation.SeparationOfDutiesConflict;
import io.grantline.command.identity.IdentityDirectory;
import io.grantline.command.identity.IdentityFacts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** One privilege of one identity, its whole life: granted, provisioned, ended, deprovisioned. */
@Aggregate
public class Grant {

    static final int LONGEST_TEXT = 2000;

    @AggregateIdentifier
    private GrantId id;
    private IdentityId identityId;
    private EntitlementId entitlementId;
    private Instant validUntil;
    private boolean provisioned;
    private boolean ended;
    private boolean deprovisioned;

    Grant() {
        // for Axon: state is rebuilt from the events
    }

    /** A second grant with the same id is refused by the event store (its first event already exists). */
    @CommandHandler
    Grant(GrantAccess command, IdentityDirectory identities, EntitlementCatalog catalog, HeldEntitlements held) {
        GrantId id = Objects.requireNonNull(command.grantId(), "id");
        requireField(command.identityId() != null, "identityId", "identityId is required");
        requireField(command.entitlementId() != null, "entitlementId", "entitlementId is required");
        requireField(command.validFrom() != null, "validFrom", "validFrom is required");
        requireField(command.validUntil() != null && command.validUntil().isAfter(command.validFrom()), "validUntil",
                "validUntil must be after validFrom");

        IdentityFacts identity = identities.require(command.identityId(), "identityId");
        if (identity.status() != IdentityStatus.ACTIVE) {
            throw new IdentityNotActive(identity.id().value(), identity.status());
        }
        EntitlementFacts entitlement = catalog.require(command.entitlementId(), "entitlementId");
        if (entitlement.retired()) {
            throw new EntitlementRetiredAlready(entitlement.id().value());
        }
        if (Duration.between(command.validFrom(), command.validUntil()).compareTo(entitlement.maxDuration()) > 0) {
            throw new GrantTooLong(entitlement.maxDuration());
        }
        // an approved request's exception allows the one conflict it names, and no other
        EntitlementId excepted = command.requestId() == null ? null : command.sodExceptionFor();
        SortedSet<EntitlementId> conflicts = SeparationOfDuties.conflictsOf(entitlement, held.activeEntitlementsOf(identity.id()), catalog);
        Optional<EntitlementId> conflict = conflicts.stream().filter(holding -> !holding.equals(excepted)).findFirst();
        if (conflict.isPresent()) {
            throw new SeparationOfDutiesConflict(identity.id().value(), entitlement.id().value(), conflict.get().value());
        }
        // an external person's grant never outlives their sponsorship
        Instant validUntil = command.validUntil();
        if (identity.endsAt() != null && identity.endsAt().isBefore(validUntil)) {
            if (!identity.endsAt().isAfter(command.validFrom())) {
                throw new IdentityNotActive(identity.id().value(), "past the end of its sponsorship (" + identity.endsAt() + ")");
            }
            validUntil = identity.endsAt();
        }
        apply(new AccessGranted(id, command.requestId(), identity.id(), entitlement.id(), command.validFrom(), validUntil,
                excepted != null && conflicts.contains(excepted) ? excepted : null));
    }

    /** Answers whether the grant is now active; an ended grant is not provisioned (the process deprovisions it). */
    @CommandHandler
    boolean handle(RecordProvisioning command) {
        String connector = requireText(command.connector(), 200, "connector");
        if (ended) {
            return false;
        }
        if (!provisioned) {
            apply(new GrantProvisioned(id, connector));
        }
        return true;
    }

    @CommandHandler
    void handle(RecordProvisioningFailure command) {
        String reason = requireText(command.reason(), LONGEST_TEXT, "reason");
        if (!ended) {
            apply(new GrantProvisioningFailed(id, reason));
        }
    }

    @CommandHandler
    void handle(RevokeGrant command, Clock clock) {
        requireField(command.reason() != null, "reason", "reason is required");
        String comment = null;
        if (command.comment() != null && !command.comment().isBlank()) {
            comment = requireText(command.comment(), LONGEST_TEXT, "comment");
        }
        if (!ended) {
            apply(new GrantRevoked(id, identityId, entitlementId, command.reason(), comment, clock.instant()));
        }
    }

    /**
     * Moves the end of a grant that has not ended, and answers whether it still runs. A grant whose end has passed (its
     * expiry timer is late) expires now instead, and is not extended: an extension is more time on a running grant. An
     * external person's grant still ends with their sponsorship; an end no later than the present one changes nothing.
     */
    @CommandHandler
    boolean handle(ExtendGrant command, IdentityDirectory identities, Clock clock) {
        requireField(command.requestId() != null, "requestId", "requestId is required");
        requireField(command.validUntil() != null, "validUntil", "validUntil is required");
        if (ended) {
            return false;
        }
        if (!clock.instant().isBefore(validUntil)) {
            expire(clock);
            return false;
        }
        Instant until = command.validUntil();
        Instant sponsorshipEnds = identities.find(identityId).map(IdentityFacts::endsAt).orElse(null);
        if (sponsorshipEnds != null && sponsorshipEnds.isBefore(until)) {
            until = sponsorshipEnds;
        }
        if (until.isAfter(validUntil)) {
            apply(new GrantExtended(id, command.requestId(), identityId, entitlementId, validUntil, until));
        }
        return true;
    }

    /** Ends the grant when its time is up; answers the end still ahead when an extension moved it, null otherwise. */
    @CommandHandler
    Instant handle(ExpireGrant command, Clock clock) {
        if (ended) {
            return null;
        }
        if (clock.instant().isBefore(validUntil)) {
            return validUntil;
        }
        expire(clock);
        return null;
    }

    private void expire(Clock clock) {
        apply(new GrantRevoked(id, identityId, entitlementId, EndReason.EXPIRED, "the grant's validity ended", clock.instant()));
    }

    /** A certification of an ended grant is answered, not applied: a revocation elsewhere came first. */
    @CommandHandler
    void handle(CertifyGrant command, Clock clock) {
        requireField(command.campaignId() != null, "campaignId", "campaignId is required");
        requireField(command.reviewerId() != null, "reviewerId", "reviewerId is required");
        if (!ended) {
            apply(new GrantCertified(id, command.campaignId(), command.reviewerId(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(RecordDeprovisioning command) {
        String connector = requireText(command.connector(), 200, "connector");
        if (!ended) {
            throw new GrantNotEnded(id.value());
        }
        if (!deprovisioned) {
            apply(new GrantDeprovisioned(id, connector));
        }
    }

    @EventSourcingHandler
    void on(AccessGranted event) {
        id = event.grantId();
        identityId = event.identityId();
        entitlementId = event.entitlementId();
        validUntil = event.validUntil();
    }

    @EventSourcingHandler
    void on(GrantExtended event) {
        validUntil = event.validUntil();
    }

    @EventSourcingHandler
    void on(GrantProvisioned event) {
        provisioned = true;
    }

    @EventSourcingHandler
    void on(GrantRevoked event) {
        ended = true;
    }

    @EventSourcingHandler
    void on(GrantDeprovisioned event) {
        deprovisioned = true;
    }

    private static String requireText(String value, int max, String field) {
        requireField(Text.isPlain(value, max), field, field + " is required (at most " + max + " characters)");
        return value.strip();
    }

    private static void requireField(boolean ok, String field, String message) {
        if (!ok) {
            throw new InvalidGrantField(field, message);
        }
    }
}
