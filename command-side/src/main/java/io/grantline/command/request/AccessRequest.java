package io.grantline.command.request;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.api.identity.Role;
import io.grantline.api.request.AccessRequestApproved;
import io.grantline.api.request.AccessRequestCancelled;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.AccessRequestRejected;
import io.grantline.api.request.AccessRequestStatus;
import io.grantline.api.request.AccessRequestTimedOut;
import io.grantline.api.request.AccessRequested;
import io.grantline.api.request.ApprovalDecisionRecorded;
import io.grantline.api.request.ApprovalStage;
import io.grantline.api.request.ApprovalStageEscalated;
import io.grantline.api.request.ApprovalStageOpened;
import io.grantline.api.request.ApproveAccessRequest;
import io.grantline.api.request.CancelAccessRequest;
import io.grantline.api.request.CheckSeparationOfDuties;
import io.grantline.api.request.DecisionOutcome;
import io.grantline.api.request.EscalateApprovalStage;
import io.grantline.api.request.FileAccessRequest;
import io.grantline.api.request.OpenApprovalStage;
import io.grantline.api.request.RecordApprovalDecision;
import io.grantline.api.request.RejectionReason;
import io.grantline.api.request.StageRouting;
import io.grantline.api.request.TimeOutAccessRequest;
import io.grantline.command.common.Text;
import io.grantline.command.entitlement.EntitlementCatalog;
import io.grantline.command.entitlement.EntitlementFacts;
import io.grantline.command.entitlement.EntitlementRuleViolation.EntitlementRetiredAlready;
import io.grantline.command.grant.HeldEntitlements;
import io.grantline.command.grant.SeparationOfDuties;
import io.grantline.command.identity.IdentityDirectory;
import io.grantline.command.identity.IdentityFacts;
import io.grantline.command.request.AccessRequestRuleViolation.AlreadyHeld;
import io.grantline.command.request.AccessRequestRuleViolation.ApprovalIncomplete;
import io.grantline.command.request.AccessRequestRuleViolation.BeneficiaryNotAllowed;
import io.grantline.command.request.AccessRequestRuleViolation.DecisionAlreadyRecorded;
import io.grantline.command.request.AccessRequestRuleViolation.InvalidRequestField;
import io.grantline.command.request.AccessRequestRuleViolation.NotAnApprover;
import io.grantline.command.request.AccessRequestRuleViolation.NotYourRequest;
import io.grantline.command.request.AccessRequestRuleViolation.ReauthenticationRequired;
import io.grantline.command.request.AccessRequestRuleViolation.RequestNotPending;
import io.grantline.command.request.AccessRequestRuleViolation.SelfApprovalForbidden;
import io.grantline.command.request.AccessRequestRuleViolation.SeparationOfDutiesConflict;
import io.grantline.command.request.AccessRequestRuleViolation.StageNotFound;
import io.grantline.command.request.AccessRequestRuleViolation.StageOutOfOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One ticket asking for one entitlement, from filing through its approval stages to a grant, a rejection, a
 * cancellation or a time-out. The process decides which stages run; this aggregate decides who may answer them.
 */
@Aggregate
public class AccessRequest {

    static final int LONGEST_TEXT = 2000;
    static final int LONGEST_TICKET = 100;

    @AggregateIdentifier
    private AccessRequestId id;
    private IdentityId requesterId;
    private IdentityId beneficiaryId;
    private EntitlementId entitlementId;
    private Duration duration;
    private RiskTier risk;
    private AccessRequestStatus status;
    private SortedMap<Integer, Stage> stages;
    private GrantId grantId;

    /** An opened stage: who may decide it now, and its outcome once decided. */
    private record Stage(ApprovalStage name, Set<IdentityId> approverIds, boolean reauthenticationRequired,
                         DecisionOutcome outcome) {

        boolean decided() {
            return outcome != null;
        }

        StageRouting routing() {
            return new StageRouting(approverIds);
        }
    }

    AccessRequest() {
        // for Axon: state is rebuilt from the events
    }

    @CommandHandler
    AccessRequest(FileAccessRequest command, IdentityDirectory identities, EntitlementCatalog catalog, HeldEntitlements held,
                  RequestPolicy policy) {
        AccessRequestId id = Objects.requireNonNull(command.requestId(), "id");
        requireField(!command.emergency(), "emergency", "break-glass access is not available yet");
        requireField(command.requesterId() != null, "requesterId", "requesterId is required");
        requireField(command.entitlementId() != null, "entitlementId", "entitlementId is required");
        requireField(Text.isPlain(command.justification(), LONGEST_TEXT), "justification",
                "justification is required (at most " + LONGEST_TEXT + " characters)");
        String ticket = optionalText(command.ticket(), LONGEST_TICKET, "ticket");

        IdentityId requester = command.requesterId();
        identities.requireActiveHuman(requester, "requesterId");
        IdentityId beneficiary = command.beneficiaryId() == null ? requester : command.beneficiaryId();
        if (!beneficiary.equals(requester)) {
            IdentityFacts facts = identities.require(beneficiary, "beneficiaryId");
            boolean ownedNonHuman = !facts.kind().isHuman() && requester.equals(facts.ownerId())
                    && facts.status() == IdentityStatus.ACTIVE;
            if (!ownedNonHuman) {
                throw new BeneficiaryNotAllowed(beneficiary.value());
            }
        }

        EntitlementFacts entitlement = catalog.require(command.entitlementId(), "entitlementId");
        if (entitlement.retired()) {
            throw new EntitlementRetiredAlready(entitlement.id().value());
        }
        Duration duration = command.duration() == null ? entitlement.maxDuration() : command.duration();
        requireField(isPositive(duration), "duration", "duration must be positive");
        requireField(duration.compareTo(entitlement.maxDuration()) <= 0, "duration",
                "duration exceeds the entitlement's maximum " + entitlement.maxDuration());
        requireField(duration.compareTo(policy.minimumDuration()) >= 0, "duration",
                "duration is shorter than the minimum " + policy.minimumDuration());

        Set<EntitlementId> holdings = held.activeEntitlementsOf(beneficiary);
        if (holdings.contains(entitlement.id())) {
            throw new AlreadyHeld(beneficiary.value(), entitlement.id().value());
        }
        Optional<EntitlementId> conflict = SeparationOfDuties.conflictOf(entitlement, holdings, catalog);
        if (conflict.isPresent()) {
            throw new SeparationOfDutiesConflict(beneficiary.value(), entitlement.id().value(), conflict.get().value());
        }
        apply(new AccessRequested(id, requester, beneficiary, entitlement.id(), command.justification().strip(), ticket,
                duration, false, entitlement.risk()));
    }

    /** Checked again by the process: grants may have appeared since the request was filed. */
    @CommandHandler
    boolean handle(CheckSeparationOfDuties command, EntitlementCatalog catalog, HeldEntitlements held) {
        if (status != AccessRequestStatus.PENDING) {
            return false;
        }
        EntitlementFacts entitlement = catalog.require(entitlementId, "entitlementId");
        Optional<EntitlementId> conflict = SeparationOfDuties.conflictOf(entitlement,
                held.activeEntitlementsOf(beneficiaryId), catalog);
        if (conflict.isPresent()) {
            apply(new AccessRequestRejected(id, RejectionReason.SEPARATION_OF_DUTIES, "'" + beneficiaryId.value()
                    + "' holds '" + conflict.get().value() + "', which conflicts with '" + entitlementId.value() + "'"));
            return false;
        }
        return true;
    }

    @CommandHandler
    StageRouting handle(OpenApprovalStage command, IdentityDirectory identities, EntitlementCatalog catalog,
                        RoleHolders roleHolders) {
        requireField(command.stage() != null, "stage", "stage is required");
        requirePending();
        int index = command.stageIndex();
        Stage opened = stages.get(index);
        if (opened != null) {
            return opened.routing();
        }
        if (index != stages.size()) {
            throw new StageOutOfOrder(index, "the next stage is " + stages.size());
        }
        if (index > 0 && !stages.get(index - 1).decided()) {
            throw new StageOutOfOrder(index, "stage " + (index - 1) + " is not decided yet");
        }

        Set<IdentityId> approvers = route(command.stage(), identities, catalog, roleHolders);
        if (approvers.isEmpty()) {
            apply(new AccessRequestRejected(id, RejectionReason.NO_APPROVER, "nobody but the requester or the beneficiary"
                    + " can decide stage " + command.stage() + ", and they have no manager who could"));
            return new StageRouting(Set.of());
        }
        apply(new ApprovalStageOpened(id, index, command.stage(), approvers, command.reauthenticationRequired(),
                command.decideBy()));
        return new StageRouting(approvers);
    }

    @CommandHandler
    void handle(RecordApprovalDecision command, Clock clock) {
        requireField(command.approverId() != null, "approverId", "approverId is required");
        requireField(command.outcome() != null, "outcome", "outcome is required: APPROVE or REJECT");
        requireField(command.channel() != null, "channel", "channel is required");
        String comment = optionalText(command.comment(), LONGEST_TEXT, "comment");
        String address = optionalText(command.address(), 100, "address");

        int index = command.stageIndex();
        Stage stage = requireStage(index);
        // the decided stage is named before the request's state, so a second click learns its answer already counts
        if (stage.decided()) {
            throw new DecisionAlreadyRecorded(index);
        }
        requirePending();
        IdentityId approver = command.approverId();
        if (isRequesterOrBeneficiary(approver)) {
            throw new SelfApprovalForbidden();
        }
        if (!stage.approverIds().contains(approver)) {
            throw new NotAnApprover(approver.value(), index);
        }
        if (stage.reauthenticationRequired() && !command.reauthenticated()) {
            throw new ReauthenticationRequired();
        }

        apply(new ApprovalDecisionRecorded(id, index, stage.name(), approver, command.outcome(), comment, command.channel(),
                address, command.reauthenticated(), clock.instant()));
        if (command.outcome() == DecisionOutcome.REJECT) {
            apply(new AccessRequestRejected(id, RejectionReason.APPROVER_REJECTED,
                    "rejected by " + approver.value() + " at stage " + stage.name()));
        }
    }

    @CommandHandler
    StageRouting handle(EscalateApprovalStage command, IdentityDirectory identities) {
        int index = command.stageIndex();
        Stage stage = requireStage(index);
        if (status != AccessRequestStatus.PENDING || stage.decided()) {
            return stage.routing();
        }
        Set<IdentityId> managers = new TreeSet<>();
        for (IdentityId approver : stage.approverIds()) {
            managerOf(approver, identities)
                    .filter(manager -> !isRequesterOrBeneficiary(manager) && isActiveHuman(manager, identities))
                    .ifPresent(managers::add);
        }
        if (managers.isEmpty() || managers.equals(stage.approverIds())) {
            return stage.routing();
        }
        apply(new ApprovalStageEscalated(id, index, managers, stage.approverIds()));
        return new StageRouting(managers);
    }

    /**
     * The grant runs from now for the requested duration, capped by the policy's longest grant and by the
     * entitlement's maximum as it stands today (it may have been shortened while the request waited).
     */
    @CommandHandler
    void handle(ApproveAccessRequest command, EntitlementCatalog catalog, Clock clock) {
        requireField(command.grantId() != null, "grantId", "grantId is required");
        requireField(command.longestGrant() == null || isPositive(command.longestGrant()), "longestGrant",
                "longestGrant must be positive when given");
        if (status == AccessRequestStatus.APPROVED && command.grantId().equals(grantId)) {
            return;
        }
        requirePending();
        boolean everyStageApproved = !stages.isEmpty()
                && stages.values().stream().allMatch(stage -> stage.outcome() == DecisionOutcome.APPROVE);
        if (!everyStageApproved) {
            throw new ApprovalIncomplete(id.value());
        }

        Duration granted = duration;
        if (command.longestGrant() != null && command.longestGrant().compareTo(granted) < 0) {
            granted = command.longestGrant();
        }
        Optional<Duration> maximumToday = catalog.find(entitlementId).map(EntitlementFacts::maxDuration);
        if (maximumToday.isPresent() && maximumToday.get().compareTo(granted) < 0) {
            granted = maximumToday.get();
        }
        Instant validFrom = clock.instant();
        apply(new AccessRequestApproved(id, command.grantId(), beneficiaryId, entitlementId, validFrom, validFrom.plus(granted)));
    }

    @CommandHandler
    void handle(CancelAccessRequest command) {
        requireField(command.cancelledBy() != null, "cancelledBy", "cancelledBy is required");
        if (!command.administrator() && !command.cancelledBy().equals(requesterId)) {
            throw new NotYourRequest();
        }
        requirePending();
        apply(new AccessRequestCancelled(id, command.cancelledBy()));
    }

    @CommandHandler
    void handle(TimeOutAccessRequest command) {
        if (status == AccessRequestStatus.PENDING) {
            apply(new AccessRequestTimedOut(id));
        }
    }

    @EventSourcingHandler
    void on(AccessRequested event) {
        id = event.requestId();
        requesterId = event.requesterId();
        beneficiaryId = event.beneficiaryId();
        entitlementId = event.entitlementId();
        duration = event.duration();
        risk = event.risk();
        status = AccessRequestStatus.PENDING;
        stages = new TreeMap<>();
    }

    @EventSourcingHandler
    void on(ApprovalStageOpened event) {
        stages.put(event.stageIndex(), new Stage(event.stage(), event.approverIds(), event.reauthenticationRequired(), null));
    }

    @EventSourcingHandler
    void on(ApprovalStageEscalated event) {
        Stage stage = stages.get(event.stageIndex());
        stages.put(event.stageIndex(), new Stage(stage.name(), event.approverIds(), stage.reauthenticationRequired(), null));
    }

    @EventSourcingHandler
    void on(ApprovalDecisionRecorded event) {
        Stage stage = stages.get(event.stageIndex());
        stages.put(event.stageIndex(), new Stage(stage.name(), stage.approverIds(), stage.reauthenticationRequired(),
                event.outcome()));
    }

    @EventSourcingHandler
    void on(AccessRequestApproved event) {
        status = AccessRequestStatus.APPROVED;
        grantId = event.grantId();
    }

    @EventSourcingHandler
    void on(AccessRequestRejected event) {
        status = AccessRequestStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(AccessRequestCancelled event) {
        status = AccessRequestStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(AccessRequestTimedOut event) {
        status = AccessRequestStatus.TIMED_OUT;
    }

    /**
     * DESIGN.md: MANAGER is the beneficiary's manager (a non-human identity's owner's manager), RESOURCE_OWNER the
     * entitlement's owner, OT_SECURITY every holder of the role. A stage never falls to the requester or the
     * beneficiary: the other candidates decide, and when there are none, that person's manager decides instead.
     * Only active people decide.
     */
    private Set<IdentityId> route(ApprovalStage stage, IdentityDirectory identities, EntitlementCatalog catalog,
                                  RoleHolders roleHolders) {
        Set<IdentityId> candidates = switch (stage) {
            case MANAGER -> beneficiaryManager(identities).map(Set::of).orElse(Set.of());
            case RESOURCE_OWNER -> catalog.find(entitlementId).map(EntitlementFacts::ownerId).map(Set::of).orElse(Set.of());
            case OT_SECURITY -> roleHolders.activeHoldersOf(Role.OT_SECURITY);
        };
        Set<IdentityId> approvers = new TreeSet<>();
        for (IdentityId candidate : candidates) {
            if (!isRequesterOrBeneficiary(candidate) && isActiveHuman(candidate, identities)) {
                approvers.add(candidate);
            }
        }
        if (!approvers.isEmpty()) {
            // another holder of the role decides; a manager steps in only when nobody else is left
            return approvers;
        }
        for (IdentityId candidate : candidates) {
            if (isRequesterOrBeneficiary(candidate)) {
                managerOf(candidate, identities)
                        .filter(manager -> !isRequesterOrBeneficiary(manager) && isActiveHuman(manager, identities))
                        .ifPresent(approvers::add);
            }
        }
        return approvers;
    }

    private Optional<IdentityId> beneficiaryManager(IdentityDirectory identities) {
        Optional<IdentityFacts> beneficiary = identities.find(beneficiaryId);
        if (beneficiary.isEmpty()) {
            return Optional.empty();
        }
        if (beneficiary.get().kind().isHuman()) {
            return Optional.ofNullable(beneficiary.get().managerId());
        }
        return Optional.ofNullable(beneficiary.get().ownerId()).flatMap(owner -> managerOf(owner, identities));
    }

    private static Optional<IdentityId> managerOf(IdentityId person, IdentityDirectory identities) {
        return identities.find(person).map(IdentityFacts::managerId);
    }

    private static boolean isActiveHuman(IdentityId person, IdentityDirectory identities) {
        return identities.find(person).map(IdentityFacts::isActiveHuman).orElse(false);
    }

    private boolean isRequesterOrBeneficiary(IdentityId person) {
        return person.equals(requesterId) || person.equals(beneficiaryId);
    }

    private Stage requireStage(int index) {
        Stage stage = stages.get(index);
        if (stage == null) {
            throw new StageNotFound(id.value(), index);
        }
        return stage;
    }

    private void requirePending() {
        if (status != AccessRequestStatus.PENDING) {
            throw new RequestNotPending(id.value(), status);
        }
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    /** Optional free text: absent or blank is null; otherwise plain text of at most {@code max} characters, stripped. */
    private static String optionalText(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        requireField(Text.isPlain(value, max), field, field + " must be plain text of at most " + max + " characters");
        return value.strip();
    }

    private static void requireField(boolean ok, String field, String message) {
        if (!ok) {
            throw new InvalidRequestField(field, message);
        }
    }
}
