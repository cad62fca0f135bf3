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
import io.grantline.api.request.ApprovalDecisionFlagged;
import io.grantline.api.request.ApprovalDecisionRecorded;
import io.grantline.api.request.ApprovalStage;
import io.grantline.api.request.ApprovalStageEscalated;
import io.grantline.api.request.ApprovalStageOpened;
import io.grantline.api.request.ApprovalStageReassigned;
import io.grantline.api.request.ApprovalPolicy;
import io.grantline.api.request.ApprovalResult;
import io.grantline.api.request.ApprovalPolicyApplied;
import io.grantline.api.request.ReassignApprovalStage;
import io.grantline.api.request.RejectApprovedRequest;
import io.grantline.api.request.DecisionAuthentication;
import io.grantline.api.request.ApproveAccessRequest;
import io.grantline.api.request.CancelAccessRequest;
import io.grantline.api.request.CheckSeparationOfDuties;
import io.grantline.api.request.DecisionFlag;
import io.grantline.api.request.DecisionOutcome;
import io.grantline.api.request.EscalateApprovalStage;
import io.grantline.api.request.FileAccessRequest;
import io.grantline.api.request.OpenApprovalStage;
import io.grantline.api.request.RecordApprovalDecision;
import io.grantline.api.request.RejectionReason;
import io.grantline.api.request.SodException;
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
import io.grantline.command.request.AccessRequestRuleViolation.FreshSignInRequired;
import io.grantline.command.request.AccessRequestRuleViolation.InvalidRequestField;
import io.grantline.command.request.AccessRequestRuleViolation.NotAnApprover;
import io.grantline.command.request.AccessRequestRuleViolation.NotYourRequest;
import io.grantline.command.request.AccessRequestRuleViolation.ReauthenticationRequired;
import io.grantline.command.request.AccessRequestRuleViolation.RequestNotPending;
import io.grantline.command.request.AccessRequestRuleViolation.SelfApprovalForbidden;
import io.grantline.command.request.AccessRequestRuleViolation.SeparationOfDutiesConflict;
import io.grantline.command.request.AccessRequestRuleViolation.StageNotFound;
import io.grantline.command.request.AccessRequestRuleViolation.StageOutOfOrder;
import io.grantline.command.request.AccessRequestRuleViolation.StageNotInPolicy;
import io.grantline.command.request.AccessRequestRuleViolation.ApproverNotActive;
import io.grantline.command.request.AccessRequestRuleViolation.SecondStageForSameApprover;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One ticket asking for one entitlement, from filing through its approval stages to a grant, a rejection, a
 * cancellation or a time-out. Its stream alone explains the outcome: the policy applied at filing, who could decide
 * each stage and why, who decided it and how they proved who they were. The process only moves work along (timers,
 * mail); every approval rule is enforced here.
 */
@Aggregate
public class AccessRequest {

    static final int LONGEST_TEXT = 2000;
    static final int LONGEST_TICKET = 100;
    /**
     * The floor under any break-glass policy, whatever a site's table says (an older table without the emergency input
     * gives its usual answer): at most 4 hours, reviewers sign in afresh, and OT security always reviews.
     */
    static final Duration BREAK_GLASS_LONGEST = Duration.ofHours(4);
    /** How far up the management chain a stage may move before nobody is left to decide it. */
    private static final int LONGEST_MANAGEMENT_CHAIN = 10;

    @AggregateIdentifier
    private AccessRequestId id;
    private IdentityId requesterId;
    private IdentityId beneficiaryId;
    private EntitlementId entitlementId;
    private Duration duration;
    private AccessRequestStatus status;
    private ApprovalPolicy policy;
    private SortedMap<Integer, Stage> stages;
    private AccessRequestApproved approval;
    /** The beneficiary's active grant this request extends, once approved; null for a new grant. */
    private GrantId extendsGrantId;
    /** The one held entitlement the grant may conflict with, by the separation-of-duties exception asked for; or null. */
    private EntitlementId sodExceptedConflict;
    /** Emergency access: granted before its stages, which review it afterwards. */
    private boolean breakGlass;
    private RejectionReason rejection;

    /**
     * An opened stage: who may decide it now and since when each of them was asked (their mail was queued then), and
     * its outcome and decider once decided.
     */
    private record Stage(ApprovalStage name, Set<IdentityId> approverIds, Map<IdentityId, Instant> askedAt,
                         boolean reauthenticationRequired, DecisionOutcome outcome, IdentityId decidedBy) {

        boolean decided() {
            return outcome != null;
        }

        StageRouting routing() {
            return new StageRouting(name, approverIds);
        }

        /** Moved to {@code approvers} at {@code at}: those asked before keep when they were asked. */
        Stage routedTo(Set<IdentityId> approvers, Instant at) {
            Map<IdentityId, Instant> asked = new HashMap<>();
            for (IdentityId approver : approvers) {
                asked.put(approver, askedAt.getOrDefault(approver, at));
            }
            return new Stage(name, approvers, asked, reauthenticationRequired, outcome, decidedBy);
        }

        Stage decided(DecisionOutcome decision, IdentityId by) {
            return new Stage(name, approverIds, askedAt, reauthenticationRequired, decision, by);
        }
    }

    AccessRequest() {
        // for Axon: state is rebuilt from the events
    }

    /**
     * Files the request and applies the site's approval policy to it, once: later policy changes do not touch it. An
     * emergency (break-glass) request is filed the same way, checked against the beneficiary's allowance, and its
     * policy's stages become reviews after the grant; an attempt beyond the allowance is recorded and rejected.
     */
    @CommandHandler
    AccessRequest(FileAccessRequest command, IdentityDirectory identities, EntitlementCatalog catalog, HeldEntitlements held,
                  RequestPolicy settings, ApprovalPolicyTable policies, BreakGlassUses breakGlassUses, Clock clock) {
        AccessRequestId id = Objects.requireNonNull(command.requestId(), "id");
        requireField(command.requesterId() != null, "requesterId", "requesterId is required");
        requireField(command.entitlementId() != null, "entitlementId", "entitlementId is required");
        requireField(Text.isPlain(command.justification(), LONGEST_TEXT), "justification",
                "justification is required (at most " + LONGEST_TEXT + " characters)");
        String ticket = optionalText(command.ticket(), LONGEST_TICKET, "ticket");

        IdentityId requester = command.requesterId();
        IdentityFacts beneficiary = identities.requireActiveHuman(requester, "requesterId");
        // break-glass is a person's own access in an emergency; a non-human identity's access is asked for the usual way
        requireField(!command.emergency() || command.beneficiaryId() == null || command.beneficiaryId().equals(requester),
                "emergency", "break-glass is for the requester's own access; a non-human identity's access is requested the"
                        + " usual way");
        if (command.beneficiaryId() != null && !command.beneficiaryId().equals(requester)) {
            beneficiary = identities.require(command.beneficiaryId(), "beneficiaryId");
            boolean ownedNonHuman = !beneficiary.kind().isHuman() && requester.equals(beneficiary.ownerId())
                    && beneficiary.status() == IdentityStatus.ACTIVE;
            if (!ownedNonHuman) {
                throw new BeneficiaryNotAllowed(beneficiary.id().value());
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
        requireField(duration.compareTo(settings.minimumDuration()) >= 0, "duration",
                "duration is shorter than the minimum " + settings.minimumDuration());

        // this also locks the beneficiary's row until the filing commits: the break-glass count below relies on it
        Set<EntitlementId> holdings = held.activeEntitlementsOf(beneficiary.id());
        GrantId extending = command.extendsGrantId();
        if (extending != null) {
            requireField(!command.emergency(), "extendsGrantId", "an extension is asked for the usual way, not as break-glass");
            requireField(held.holdsThrough(beneficiary.id(), entitlement.id(), extending),
                    "extendsGrantId", "'" + extending.value() + "' is not an active grant of '" + beneficiary.id().value()
                            + "' on '" + entitlement.id().value() + "'");
        } else if (holdings.contains(entitlement.id())) {
            throw new AlreadyHeld(beneficiary.id().value(), entitlement.id().value());
        }
        SodException exception = sodException(command, entitlement, beneficiary, holdings, catalog);
        boolean emergency = command.emergency();
        DecisionAuthentication filedWith = command.authentication();
        if (emergency && (filedWith == null || filedWith.method() == null
                || !filedWith.freshAt(clock.instant(), settings.reauthenticationMaxAge()))) {
            throw new FreshSignInRequired(settings.reauthenticationMaxAge());
        }
        ApprovalPolicy applied = requireWellFormed(policies.decide(entitlement.risk(), entitlement.level(), beneficiary.kind(),
                entitlement.zone(), emergency));
        if (emergency) {
            applied = breakGlassFloor(applied);
        }
        if (exception != null && !applied.stages().isEmpty()) {
            // a table that names no stage refuses the request (below); an exception never opens a way around it
            applied = sodExceptionFloor(applied);
        }

        apply(new AccessRequested(id, requester, beneficiary.id(), entitlement.id(), command.justification().strip(), ticket,
                duration, emergency, entitlement.risk(), emergency ? filedWith : null, extending, exception));
        apply(new ApprovalPolicyApplied(id, applied));
        if (emergency) {
            BreakGlassAllowance allowance = settings.breakGlass();
            Instant since = clock.instant().minus(allowance.window());
            int used = breakGlassUses.usesSince(beneficiary.id(), since);
            if (used >= allowance.uses()) {
                apply(new AccessRequestRejected(id, RejectionReason.BREAK_GLASS_LIMIT, "'" + beneficiary.id().value()
                        + "' was given break-glass access " + used + (used == 1 ? " time" : " times") + " in the last "
                        + allowance.windowInWords() + "; this site allows " + allowance.uses()));
                return;
            }
        }
        if (applied.stages().isEmpty()) {
            // a policy that names no stage must never grant without an approval (break-glass always has a review: its floor)
            apply(new AccessRequestRejected(id, RejectionReason.NO_APPROVER, "the approval policy names no stage for "
                    + entitlement.risk() + " risk; nothing is granted without an approval"));
        }
    }

    /** Checked again by the process: grants may have appeared since the request was filed. */
    @CommandHandler
    boolean handle(CheckSeparationOfDuties command, EntitlementCatalog catalog, HeldEntitlements held) {
        if (status != AccessRequestStatus.PENDING) {
            return false;
        }
        Optional<String> conflict = conflictOf(catalog.require(entitlementId, "entitlementId"), catalog,
                held.activeEntitlementsOf(beneficiaryId));
        conflict.ifPresent(detail -> apply(new AccessRequestRejected(id, RejectionReason.SOD_CONFLICT, detail)));
        return conflict.isEmpty();
    }

    /** Opens the policy's next stage. The stage's name and re-authentication come from the policy, never the caller. */
    @CommandHandler
    StageRouting handle(OpenApprovalStage command, IdentityDirectory identities, EntitlementCatalog catalog,
                        RoleHolders roleHolders) {
        requireOpenForDecisions();
        int index = command.stageIndex();
        Stage opened = stages.get(index);
        if (opened != null) {
            return opened.routing();
        }
        List<ApprovalStage> policyStages = policy == null ? List.of() : policy.stages();
        if (index < 0 || index >= policyStages.size()) {
            throw new StageNotInPolicy(index, policyStages.size());
        }
        if (index != stages.size()) {
            throw new StageOutOfOrder(index, "the next stage is " + stages.size());
        }
        if (index > 0 && !stages.get(index - 1).decided()) {
            throw new StageOutOfOrder(index, "stage " + (index - 1) + " is not decided yet");
        }

        ApprovalStage name = policyStages.get(index);
        Set<IdentityId> approvers = route(name, identities, catalog, roleHolders);
        if (approvers.isEmpty()) {
            apply(new AccessRequestRejected(id, RejectionReason.NO_APPROVER, "nobody but the requester, the beneficiary or"
                    + " an earlier approver can decide stage " + name + ", and nobody above them could"));
            return new StageRouting(name, Set.of());
        }
        apply(new ApprovalStageOpened(id, index, name, approvers, policy.reauthentication(), command.decideBy()));
        return new StageRouting(name, approvers);
    }

    @CommandHandler
    void handle(RecordApprovalDecision command, IdentityDirectory identities, RequestPolicy settings, Clock clock) {
        requireField(command.approverId() != null, "approverId", "approverId is required");
        requireField(command.outcome() != null, "outcome", "outcome is required: APPROVE or REJECT");
        requireField(command.channel() != null, "channel", "channel is required");
        requireField(command.authentication() != null && command.authentication().method() != null, "authentication",
                "how the approver authenticated is required");
        String comment = optionalText(command.comment(), LONGEST_TEXT, "comment");
        String address = optionalText(command.address(), 100, "address");

        int index = command.stageIndex();
        Stage stage = requireStage(index);
        // the decided stage is named before the request's state, so a second click learns its answer already counts
        if (stage.decided()) {
            throw new DecisionAlreadyRecorded(index);
        }
        requireOpenForDecisions();
        IdentityId approver = command.approverId();
        if (isRequesterOrBeneficiary(approver)) {
            throw new SelfApprovalForbidden();
        }
        Optional<Integer> decidedEarlier = stageDecidedBy(approver);
        if (decidedEarlier.isPresent()) {
            throw new SecondStageForSameApprover(approver.value(), decidedEarlier.get());
        }
        if (!stage.approverIds().contains(approver)) {
            throw new NotAnApprover(approver.value(), index);
        }
        if (!isActiveHuman(approver, identities)) {
            throw new ApproverNotActive(approver.value());
        }
        Instant now = clock.instant();
        DecisionAuthentication authentication = command.authentication();
        boolean fresh = authentication.freshAt(now, settings.reauthenticationMaxAge());
        if (stage.reauthenticationRequired() && !fresh) {
            throw new ReauthenticationRequired();
        }

        apply(new ApprovalDecisionRecorded(id, index, stage.name(), approver, command.outcome(), comment, command.channel(),
                address, authentication, fresh, now));
        Duration afterAsked = afterAsked(stage, approver, now);
        Duration within = settings.fastApprovalWithin();
        if (command.outcome() == DecisionOutcome.APPROVE && stage.askedAt().containsKey(approver) && within != null
                && afterAsked.compareTo(within) < 0) {
            apply(new ApprovalDecisionFlagged(id, index, approver, DecisionFlag.FAST_APPROVAL, afterAsked));
        }
        if (command.outcome() == DecisionOutcome.REJECT && breakGlass) {
            // given, then found wrong: a fact security looks at, whether or not the grant is still running
            apply(new ApprovalDecisionFlagged(id, index, approver, DecisionFlag.BREAK_GLASS_REJECTED, afterAsked));
        }
        if (command.outcome() == DecisionOutcome.REJECT) {
            apply(new AccessRequestRejected(id, RejectionReason.APPROVER_REJECTED, breakGlass
                    // the grant's own stream says whether it was still running to be revoked, or had ended already
                    ? "break-glass access rejected in review by " + approver.value() + " at stage " + stage.name()
                    : "rejected by " + approver.value() + " at stage " + stage.name()));
        }
    }

    /** Nobody answered in time: the stage moves to its approvers' managers (never to the requester or an earlier approver). */
    @CommandHandler
    StageRouting handle(EscalateApprovalStage command, IdentityDirectory identities) {
        int index = command.stageIndex();
        Stage stage = requireStage(index);
        if (!openForDecisions() || stage.decided()) {
            return stage.routing();
        }
        Set<IdentityId> managers = new TreeSet<>();
        for (IdentityId approver : stage.approverIds()) {
            nearestManagerWhoMayDecide(approver, identities).ifPresent(managers::add);
        }
        if (managers.isEmpty() || managers.equals(stage.approverIds())) {
            return stage.routing();
        }
        apply(new ApprovalStageEscalated(id, index, managers, stage.approverIds()));
        return new StageRouting(stage.name(), managers);
    }

    /**
     * An approver stopped being active: their open stage moves to the stage's other active approvers, or else to the
     * nearest manager above them who may decide. Where nobody is left the request is rejected (NO_APPROVER).
     */
    @CommandHandler
    StageRouting handle(ReassignApprovalStage command, IdentityDirectory identities) {
        requireField(command.inactiveApproverId() != null, "inactiveApproverId", "inactiveApproverId is required");
        int index = command.stageIndex();
        Stage stage = requireStage(index);
        IdentityId leaver = command.inactiveApproverId();
        if (!openForDecisions() || stage.decided() || !stage.approverIds().contains(leaver)
                || isActiveHuman(leaver, identities)) {
            return stage.routing();
        }
        Set<IdentityId> approvers = new TreeSet<>();
        for (IdentityId other : stage.approverIds()) {
            if (!other.equals(leaver) && mayDecide(other, identities)) {
                approvers.add(other);
            }
        }
        if (approvers.isEmpty()) {
            nearestManagerWhoMayDecide(leaver, identities).ifPresent(approvers::add);
        }
        if (approvers.isEmpty()) {
            apply(new AccessRequestRejected(id, RejectionReason.NO_APPROVER, "'" + leaver.value() + "' is no longer active"
                    + " and nobody above them may decide stage " + stage.name()));
            return new StageRouting(stage.name(), Set.of());
        }
        apply(new ApprovalStageReassigned(id, index, leaver, approvers, stage.approverIds()));
        return new StageRouting(stage.name(), approvers);
    }

    /**
     * Every stage of the policy approved (break-glass: before any stage opened, since its stages review the grant): the
     * grant runs from now for the requested duration, capped by the policy's longest grant and by the entitlement's
     * maximum as it stands today (it may have been shortened while the request waited). A grant that could no longer
     * be held rejects the request instead, with the reason.
     */
    @CommandHandler
    ApprovalResult handle(ApproveAccessRequest command, IdentityDirectory identities, EntitlementCatalog catalog,
                               HeldEntitlements held, Clock clock) {
        requireField(command.grantId() != null, "grantId", "grantId is required");
        if (status == AccessRequestStatus.APPROVED && (command.grantId().equals(approval.grantId()) || approval.extendsGrant())) {
            return new ApprovalResult(approval, null);
        }
        if (breakGlass && status == AccessRequestStatus.REJECTED && approval == null) {
            // refused when filed (the allowance, or nobody to review it): the process learns why and tells the requester
            return new ApprovalResult(null, rejection);
        }
        requirePending();
        boolean everyStageApproved = policy != null && !policy.stages().isEmpty() && stages.size() == policy.stages().size()
                && stages.values().stream().allMatch(stage -> stage.outcome() == DecisionOutcome.APPROVE);
        boolean grantedAtOnce = breakGlass && policy != null && !policy.stages().isEmpty() && stages.isEmpty();
        if (!everyStageApproved && !grantedAtOnce) {
            throw new ApprovalIncomplete(id.value());
        }

        Optional<EntitlementFacts> entitlement = catalog.find(entitlementId).filter(facts -> !facts.retired());
        if (entitlement.isEmpty()) {
            return reject(RejectionReason.ENTITLEMENT_RETIRED, "'" + entitlementId.value() + "' was retired before the grant");
        }
        Optional<IdentityStatus> beneficiaryStatus = identities.find(beneficiaryId).map(IdentityFacts::status);
        if (beneficiaryStatus.filter(IdentityStatus.ACTIVE::equals).isEmpty()) {
            return reject(RejectionReason.BENEFICIARY_INACTIVE, "'" + beneficiaryId.value() + "' is "
                    + beneficiaryStatus.map(Enum::name).orElse("unknown") + " and may not be granted access");
        }
        Set<EntitlementId> holdings = held.activeEntitlementsOf(beneficiaryId);
        Optional<String> conflict = conflictOf(entitlement.get(), catalog, holdings);
        if (conflict.isPresent()) {
            return reject(RejectionReason.SOD_CONFLICT, conflict.get());
        }

        Duration granted = duration;
        if (policy.longestGrant() != null && policy.longestGrant().compareTo(granted) < 0) {
            granted = policy.longestGrant();
        }
        if (entitlement.get().maxDuration().compareTo(granted) < 0) {
            granted = entitlement.get().maxDuration();
        }
        Instant validFrom = clock.instant();
        boolean extending = extendsGrantId != null;
        if (extending && !held.holdsThrough(beneficiaryId, entitlementId, extendsGrantId)) {
            // the approvers gave more time on a running grant, not a new one after a revocation or an expiry
            return reject(RejectionReason.GRANT_ENDED, "grant '" + extendsGrantId.value() + "' ended before the extension was"
                    + " approved; a new request asks for the access again");
        }
        // the exception is recorded on the approval only where its conflict is still held
        boolean excepting = sodExceptedConflict != null && holdings.contains(sodExceptedConflict);
        apply(new AccessRequestApproved(id, extending ? extendsGrantId : command.grantId(), beneficiaryId, entitlementId, validFrom,
                validFrom.plus(granted), extending, excepting ? sodExceptedConflict : null));
        return new ApprovalResult(approval, null);
    }

    /** The grant's own rules refused an approved request's grant: the request ends REJECTED, never APPROVED without a grant. */
    @CommandHandler
    void handle(RejectApprovedRequest command) {
        requireField(command.reason() != null, "reason", "reason is required");
        if (status == AccessRequestStatus.REJECTED) {
            return;
        }
        if (status != AccessRequestStatus.APPROVED) {
            throw new RequestNotPending(id.value(), status);
        }
        apply(new AccessRequestRejected(id, command.reason(), optionalText(command.detail(), LONGEST_TEXT, "detail")));
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
        breakGlass = event.emergency();
        extendsGrantId = event.extendsGrantId();
        sodExceptedConflict = event.sodException() == null ? null : event.sodException().conflictsWith();
        status = AccessRequestStatus.PENDING;
        stages = new TreeMap<>();
    }

    @EventSourcingHandler
    void on(ApprovalPolicyApplied event) {
        policy = event.policy();
    }

    @EventSourcingHandler
    void on(ApprovalStageOpened event, @Timestamp Instant openedAt) {
        stages.put(event.stageIndex(), new Stage(event.stage(), Set.of(), Map.of(), event.reauthenticationRequired(), null, null)
                .routedTo(event.approverIds(), openedAt));
    }

    @EventSourcingHandler
    void on(ApprovalStageEscalated event, @Timestamp Instant escalatedAt) {
        stages.computeIfPresent(event.stageIndex(), (index, stage) -> stage.routedTo(event.approverIds(), escalatedAt));
    }

    @EventSourcingHandler
    void on(ApprovalStageReassigned event, @Timestamp Instant reassignedAt) {
        stages.computeIfPresent(event.stageIndex(), (index, stage) -> stage.routedTo(event.approverIds(), reassignedAt));
    }

    @EventSourcingHandler
    void on(ApprovalDecisionRecorded event) {
        stages.computeIfPresent(event.stageIndex(), (index, stage) -> stage.decided(event.outcome(), event.approverId()));
    }

    @EventSourcingHandler
    void on(AccessRequestApproved event) {
        status = AccessRequestStatus.APPROVED;
        approval = event;
    }

    @EventSourcingHandler
    void on(AccessRequestRejected event) {
        status = AccessRequestStatus.REJECTED;
        rejection = event.reason();
    }

    @EventSourcingHandler
    void on(AccessRequestCancelled event) {
        status = AccessRequestStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(AccessRequestTimedOut event) {
        status = AccessRequestStatus.TIMED_OUT;
    }

    private ApprovalResult reject(RejectionReason reason, String detail) {
        apply(new AccessRequestRejected(id, reason, detail));
        return new ApprovalResult(null, reason);
    }

    private Optional<String> conflictOf(EntitlementFacts entitlement, EntitlementCatalog catalog, Set<EntitlementId> holdings) {
        return SeparationOfDuties.conflictOf(entitlement, holdings, catalog, sodExceptedConflict)
                .map(conflict -> "'" + beneficiaryId.value() + "' holds '" + conflict.value() + "', which conflicts with '"
                        + entitlementId.value() + "'");
    }

    /**
     * DESIGN.md: MANAGER is the beneficiary's manager (a non-human identity's owner's manager), RESOURCE_OWNER the
     * entitlement's owner, OT_SECURITY every holder of the role. A stage never falls to the requester, the beneficiary
     * or anyone who decided an earlier stage (four eyes), nor to anyone no longer active: the other candidates decide, and
     * when there are none, the nearest manager above that person who may decide.
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
            if (mayDecide(candidate, identities)) {
                approvers.add(candidate);
            }
        }
        if (!approvers.isEmpty()) {
            // another holder of the role decides; a manager steps in only when nobody else is left
            return approvers;
        }
        for (IdentityId candidate : new TreeSet<>(candidates)) {
            // the candidate may not decide (excluded, or no longer active): the nearest manager above them decides
            nearestManagerWhoMayDecide(candidate, identities).ifPresent(approvers::add);
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

    /** Walks up from {@code person}'s manager to the first one who may decide this request. */
    private Optional<IdentityId> nearestManagerWhoMayDecide(IdentityId person, IdentityDirectory identities) {
        Optional<IdentityId> manager = managerOf(person, identities);
        for (int level = 0; manager.isPresent() && level < LONGEST_MANAGEMENT_CHAIN; level++) {
            if (mayDecide(manager.get(), identities)) {
                return manager;
            }
            manager = managerOf(manager.get(), identities);
        }
        return Optional.empty();
    }

    private boolean mayDecide(IdentityId person, IdentityDirectory identities) {
        return !isExcluded(person) && isActiveHuman(person, identities);
    }

    /** The requester, the beneficiary, and whoever decided a stage already never decide (another) stage. */
    private boolean isExcluded(IdentityId person) {
        return isRequesterOrBeneficiary(person) || stageDecidedBy(person).isPresent();
    }

    private Optional<Integer> stageDecidedBy(IdentityId person) {
        return stages.entrySet().stream().filter(entry -> person.equals(entry.getValue().decidedBy()))
                .map(java.util.Map.Entry::getKey).findFirst();
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

    /** How long after the stage was put to {@code approver} (their mail queued) the decision came; zero when unknown. */
    private static Duration afterAsked(Stage stage, IdentityId approver, Instant now) {
        Instant asked = stage.askedAt().get(approver);
        // another node's clock may be a little behind: never a negative interval
        return asked == null || asked.isAfter(now) ? Duration.ZERO : Duration.between(asked, now);
    }

    /**
     * The exception asked for, if any: for exactly one conflicting entitlement, never with break-glass; where nothing
     * conflicts there is no exception to ask for, and a conflict without one is refused as before.
     */
    private static SodException sodException(FileAccessRequest command, EntitlementFacts entitlement, IdentityFacts beneficiary,
                                              Set<EntitlementId> holdings, EntitlementCatalog catalog) {
        String reason = optionalText(command.sodExceptionReason(), LONGEST_TEXT, "sodExceptionReason");
        SortedSet<EntitlementId> conflicts = SeparationOfDuties.conflictsOf(entitlement, holdings, catalog);
        if (conflicts.isEmpty()) {
            requireField(reason == null, "sodExceptionReason", "nothing '" + beneficiary.id().value() + "' holds conflicts with '"
                    + entitlement.id().value() + "': there is no exception to ask for");
            return null;
        }
        if (reason == null) {
            throw new SeparationOfDutiesConflict(beneficiary.id().value(), entitlement.id().value(), conflicts.first().value());
        }
        requireField(!command.emergency(), "sodExceptionReason", "break-glass never carries a separation-of-duties exception");
        requireField(conflicts.size() == 1, "sodExceptionReason", "an exception covers one conflicting entitlement; '"
                + entitlement.id().value() + "' conflicts with " + conflicts.stream().map(EntitlementId::value).toList()
                + ", which '" + beneficiary.id().value() + "' holds");
        return new SodException(conflicts.first(), reason);
    }

    /** An exception is OT security's to grant, signing in afresh, whatever the site's table says for the tier. */
    private static ApprovalPolicy sodExceptionFloor(ApprovalPolicy table) {
        List<ApprovalStage> stages = new ArrayList<>(table.stages());
        if (!stages.contains(ApprovalStage.OT_SECURITY)) {
            stages.add(ApprovalStage.OT_SECURITY);
        }
        return new ApprovalPolicy(stages, true, table.longestGrant(), table.decisionTable(), table.breakGlass());
    }

    /** The site's answer for an emergency, never weaker than {@link #BREAK_GLASS_LONGEST}'s floor. */
    private static ApprovalPolicy breakGlassFloor(ApprovalPolicy table) {
        List<ApprovalStage> reviews = new ArrayList<>(table.stages());
        if (!reviews.contains(ApprovalStage.OT_SECURITY)) {
            reviews.add(ApprovalStage.OT_SECURITY);
        }
        Duration longest = table.longestGrant() == null || table.longestGrant().compareTo(BREAK_GLASS_LONGEST) > 0
                ? BREAK_GLASS_LONGEST : table.longestGrant();
        return new ApprovalPolicy(reviews, true, longest, table.decisionTable(), true);
    }

    /** Stages are decided while a request is pending, and a break-glass grant's reviews after it was approved. */
    private boolean openForDecisions() {
        return status == AccessRequestStatus.PENDING || (breakGlass && status == AccessRequestStatus.APPROVED);
    }

    private void requireOpenForDecisions() {
        if (!openForDecisions()) {
            throw new RequestNotPending(id.value(), status);
        }
    }

    private void requirePending() {
        if (status != AccessRequestStatus.PENDING) {
            throw new RequestNotPending(id.value(), status);
        }
    }

    /** The site's table is edited by people: a policy that could not be enforced is refused loudly, not half-applied. */
    private static ApprovalPolicy requireWellFormed(ApprovalPolicy policy) {
        if (policy == null || policy.decisionTable() == null || policy.stages().stream().anyMatch(Objects::isNull)
                || (policy.longestGrant() != null && !isPositive(policy.longestGrant()))) {
            throw new IllegalStateException("the approval policy table gave an answer that cannot be enforced: " + policy);
        }
        return policy;
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
