package io.grantline.command.identity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.grantline.api.identity.AssignDirectoryEntry;
import io.grantline.api.identity.AssignManager;
import io.grantline.api.identity.AssignOwner;
import io.grantline.api.identity.AssignRoles;
import io.grantline.api.identity.AssignSponsor;
import io.grantline.api.identity.DirectoryEntryAssigned;
import io.grantline.api.identity.EndSponsorship;
import io.grantline.api.identity.IdentityDeparted;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.IdentityMarkedCompromised;
import io.grantline.api.identity.IdentityRegistered;
import io.grantline.api.identity.IdentityReinstated;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.api.identity.IdentitySuspended;
import io.grantline.api.identity.ManagerAssigned;
import io.grantline.api.identity.MarkIdentityCompromised;
import io.grantline.api.identity.OwnerAssigned;
import io.grantline.api.identity.RecordDeparture;
import io.grantline.api.identity.RegisterIdentity;
import io.grantline.api.identity.ReinstateIdentity;
import io.grantline.api.identity.Role;
import io.grantline.api.identity.RolesAssigned;
import io.grantline.api.identity.SponsorAssigned;
import io.grantline.api.identity.SuspendIdentity;
import io.grantline.command.common.Text;
import io.grantline.command.identity.IdentityRuleViolation.IdentityAlreadyRegistered;
import io.grantline.command.identity.IdentityRuleViolation.IdentityNotActive;
import io.grantline.command.identity.IdentityRuleViolation.InvalidIdentityField;
import io.grantline.command.identity.IdentityRuleViolation.OwnerNotAllowed;
import io.grantline.command.identity.IdentityRuleViolation.OwnerRequired;
import io.grantline.command.identity.IdentityRuleViolation.RolesOnlyForHumans;
import io.grantline.command.identity.IdentityRuleViolation.SelfReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A person or a non-human identity, and the rules on who is accountable for it. */
@Aggregate
public class Identity {

    private static final Duration LONGEST_SPONSORSHIP = Duration.ofDays(366);

    @AggregateIdentifier
    private IdentityId id;
    private IdentityKind kind;
    private IdentityStatus status;
    private String email;
    private IdentityId managerId;
    private IdentityId ownerId;
    private Set<Role> roles;
    private IdentityId sponsorId;
    private Instant endsAt;
    private String directoryDn;

    Identity() {
        // for Axon: state is rebuilt from the events
    }

    @CommandHandler
    Identity(RegisterIdentity command, IdentityDirectory directory, Clock clock) {
        IdentityId id = Objects.requireNonNull(command.identityId(), "id");
        if (directory.find(id).isPresent()) {
            throw new IdentityAlreadyRegistered(id.value());
        }
        requireField(command.kind() != null, "kind", "kind is required");
        requireField(Text.isPlain(command.displayName(), 200), "displayName", "displayName is required (at most 200 characters)");
        requireField(command.email() == null || Text.isEmail(command.email()), "email", "email is not a valid address");
        if (command.kind().isHuman()) {
            if (command.ownerId() != null) {
                throw new OwnerNotAllowed();
            }
        } else {
            if (command.ownerId() == null) {
                throw new OwnerRequired();
            }
            if (!command.roles().isEmpty()) {
                throw new RolesOnlyForHumans();
            }
            checkAccountablePerson(id, command.ownerId(), "ownerId", directory);
        }
        if (command.managerId() != null) {
            checkAccountablePerson(id, command.managerId(), "managerId", directory);
        }
        requireField(command.directoryDn() == null || Text.isDistinguishedName(command.directoryDn()), "directoryDn",
                "directoryDn must be a distinguished name such as uid=alice,ou=people,dc=plant,dc=example");
        if (command.external()) {
            requireField(command.kind() == IdentityKind.HUMAN, "external", "only a person is external (a vendor's or contractor's)");
            checkSponsorship(id, command.sponsorId(), command.endsAt(), directory, clock);
        } else {
            requireField(command.sponsorId() == null, "sponsorId", "only an external person has a sponsor");
            requireField(command.endsAt() == null, "endsAt", "only an external person has an end date");
        }
        apply(new IdentityRegistered(id, command.kind(), command.displayName().strip(), command.email(),
                command.managerId(), command.ownerId(), command.roles()));
        if (command.external()) {
            apply(new SponsorAssigned(id, command.sponsorId(), millis(command.endsAt())));
        }
        if (command.directoryDn() != null) {
            apply(new DirectoryEntryAssigned(id, command.directoryDn().strip()));
        }
    }

    /** Another sponsor, or another end: only for an external person who has not departed. */
    @CommandHandler
    void handle(AssignSponsor command, IdentityDirectory directory, Clock clock) {
        requireNotEnded();
        requireField(sponsorId != null, "sponsorId", "only an external person has a sponsor");
        checkSponsorship(id, command.sponsorId(), command.endsAt(), directory, clock);
        Instant ends = millis(command.endsAt());
        if (!command.sponsorId().equals(sponsorId) || !ends.equals(endsAt)) {
            apply(new SponsorAssigned(id, command.sponsorId(), ends));
        }
    }

    @CommandHandler
    void handle(AssignDirectoryEntry command) {
        requireNotEnded();
        requireField(Text.isDistinguishedName(command.directoryDn()), "directoryDn",
                "directoryDn must be a distinguished name such as uid=alice,ou=people,dc=plant,dc=example");
        if (!command.directoryDn().strip().equals(directoryDn)) {
            apply(new DirectoryEntryAssigned(id, command.directoryDn().strip()));
        }
    }

    /** The timer of a sponsorship fired: the person departs, unless the end was moved since or they left already. */
    @CommandHandler
    void handle(EndSponsorship command) {
        if (status != IdentityStatus.DEPARTED && endsAt != null && endsAt.equals(command.endsAt())) {
            apply(new IdentityDeparted(id, "sponsorship by " + sponsorId.value() + " ended " + endsAt));
        }
    }

    @CommandHandler
    void handle(AssignRoles command) {
        requireNotEnded();
        if (!kind.isHuman() && !command.roles().isEmpty()) {
            throw new RolesOnlyForHumans();
        }
        if (!command.roles().equals(roles)) {
            apply(new RolesAssigned(id, command.roles(), roles));
        }
    }

    @CommandHandler
    void handle(AssignManager command, IdentityDirectory directory) {
        requireNotEnded();
        if (Objects.equals(command.managerId(), managerId)) {
            return;
        }
        if (command.managerId() != null) {
            checkAccountablePerson(id, command.managerId(), "managerId", directory);
        }
        apply(new ManagerAssigned(id, command.managerId(), managerId));
    }

    @CommandHandler
    void handle(AssignOwner command, IdentityDirectory directory) {
        if (kind.isHuman()) {
            throw new OwnerNotAllowed();
        }
        if (command.ownerId() == null) {
            throw new OwnerRequired();
        }
        requireNotEnded();
        checkAccountablePerson(id, command.ownerId(), "ownerId", directory);
        if (!command.ownerId().equals(ownerId)) {
            apply(new OwnerAssigned(id, command.ownerId(), ownerId));
        }
        if (status == IdentityStatus.SUSPENDED) {
            apply(new IdentityReinstated(id, "new accountable owner " + command.ownerId().value()));
        }
    }

    @CommandHandler
    void handle(MarkIdentityCompromised command) {
        String reason = requireReason(command.reason());
        if (status == IdentityStatus.COMPROMISED || status == IdentityStatus.DEPARTED) {
            return;
        }
        apply(new IdentityMarkedCompromised(id, reason));
    }

    @CommandHandler
    void handle(RecordDeparture command) {
        String reason = requireReason(command.reason());
        if (status == IdentityStatus.DEPARTED) {
            return;
        }
        apply(new IdentityDeparted(id, reason));
    }

    @CommandHandler
    void handle(SuspendIdentity command) {
        String reason = requireReason(command.reason());
        if (status == IdentityStatus.ACTIVE) {
            apply(new IdentitySuspended(id, reason));
        }
    }

    @CommandHandler
    void handle(ReinstateIdentity command) {
        String reason = requireReason(command.reason());
        if (status == IdentityStatus.DEPARTED) {
            throw new IdentityNotActive(id.value(), status);
        }
        if (status != IdentityStatus.ACTIVE) {
            apply(new IdentityReinstated(id, reason));
        }
    }

    @EventSourcingHandler
    void on(IdentityRegistered event) {
        id = event.identityId();
        kind = event.kind();
        status = IdentityStatus.ACTIVE;
        email = event.email();
        managerId = event.managerId();
        ownerId = event.ownerId();
        roles = event.roles();
    }

    @EventSourcingHandler
    void on(DirectoryEntryAssigned event) {
        directoryDn = event.directoryDn();
    }

    @EventSourcingHandler
    void on(SponsorAssigned event) {
        sponsorId = event.sponsorId();
        endsAt = event.endsAt();
    }

    @EventSourcingHandler
    void on(RolesAssigned event) {
        roles = event.roles();
    }

    @EventSourcingHandler
    void on(ManagerAssigned event) {
        managerId = event.managerId();
    }

    @EventSourcingHandler
    void on(OwnerAssigned event) {
        ownerId = event.ownerId();
    }

    @EventSourcingHandler
    void on(IdentityMarkedCompromised event) {
        status = IdentityStatus.COMPROMISED;
    }

    @EventSourcingHandler
    void on(IdentitySuspended event) {
        status = IdentityStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(IdentityReinstated event) {
        status = IdentityStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(IdentityDeparted event) {
        status = IdentityStatus.DEPARTED;
    }

    IdentityFacts facts() {
        return new IdentityFacts(id, kind, status, email, managerId, ownerId, roles, endsAt);
    }

    private void requireNotEnded() {
        if (status == IdentityStatus.DEPARTED) {
            throw new IdentityNotActive(id.value(), status);
        }
    }

    private static void checkAccountablePerson(IdentityId self, IdentityId other, String field, IdentityDirectory directory) {
        if (other.equals(self)) {
            throw new SelfReference(field);
        }
        directory.requireActiveHuman(other, field);
    }

    /**
     * The sponsor is an active member of the plant's own staff (not another external person), and a sponsorship is
     * renewed at least once a year.
     */
    private static void checkSponsorship(IdentityId self, IdentityId sponsor, Instant ends, IdentityDirectory directory, Clock clock) {
        requireField(sponsor != null, "sponsorId", "an external person needs a sponsor: an active person who vouches for them");
        checkAccountablePerson(self, sponsor, "sponsorId", directory);
        requireField(directory.require(sponsor, "sponsorId").endsAt() == null, "sponsorId",
                "a sponsor is a member of the plant's own staff, not another external person");
        requireField(ends != null, "endsAt", "an external person needs an end date (endsAt)");
        requireField(ends.isAfter(clock.instant()), "endsAt", "endsAt must be in the future");
        requireField(!ends.isAfter(clock.instant().plus(LONGEST_SPONSORSHIP)), "endsAt",
                "a sponsorship lasts at most a year; extend it when it comes to an end");
    }

    /** Every copy of an end (the identity index, the process, a grant's end) keeps milliseconds: so does the event. */
    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static String requireReason(String reason) {
        requireField(Text.isPlain(reason, 1000), "reason", "reason is required (at most 1000 characters)");
        return reason.strip();
    }

    private static void requireField(boolean ok, String field, String message) {
        if (!ok) {
            throw new InvalidIdentityField(field, message);
        }
    }
}
