package io.grantline.command.request;

import static io.grantline.command.common.Violations.violation;
import static org.hamcrest.Matchers.containsString;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.api.identity.Role;
import io.grantline.api.request.AccessRequestApproved;
import io.grantline.api.request.AccessRequestCancelled;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.AccessRequestRejected;
import io.grantline.api.request.AccessRequestTimedOut;
import io.grantline.api.request.AccessRequested;
import io.grantline.api.request.ApprovalDecisionRecorded;
import io.grantline.api.request.ApprovalStage;
import io.grantline.api.request.ApprovalStageEscalated;
import io.grantline.api.request.ApprovalStageOpened;
import io.grantline.api.request.ApproveAccessRequest;
import io.grantline.api.request.CancelAccessRequest;
import io.grantline.api.request.CheckSeparationOfDuties;
import io.grantline.api.request.DecisionChannel;
import io.grantline.api.request.DecisionOutcome;
import io.grantline.api.request.EscalateApprovalStage;
import io.grantline.api.request.FileAccessRequest;
import io.grantline.api.request.OpenApprovalStage;
import io.grantline.api.request.RecordApprovalDecision;
import io.grantline.api.request.RejectionReason;
import io.grantline.api.request.StageRouting;
import io.grantline.api.request.TimeOutAccessRequest;
import io.grantline.api.common.RuleViolation.Kind;
import io.grantline.command.entitlement.EntitlementFacts;
import io.grantline.command.entitlement.EntitlementRuleViolation.EntitlementNotFound;
import io.grantline.command.entitlement.EntitlementRuleViolation.EntitlementRetiredAlready;
import io.grantline.command.entitlement.KnownEntitlements;
import io.grantline.command.grant.KnownHoldings;
import io.grantline.command.identity.IdentityRuleViolation.IdentityNotFound;
import io.grantline.command.identity.IdentityRuleViolation.NotAnActiveHuman;
import io.grantline.command.identity.KnownIdentities;
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
import java.time.ZoneOffset;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessRequestTest {

    private static final Instant NOW = Instant.parse("2026-03-14T02:00:00Z");
    private static final Instant DECIDE_BY = NOW.plus(Duration.ofDays(3));

    private static final AccessRequestId REQUEST = AccessRequestId.of("r-1");
    private static final GrantId GRANT = GrantId.of("g-1");

    private static final IdentityId ALICE = IdentityId.of("alice");
    private static final IdentityId BOB = IdentityId.of("bob");
    private static final IdentityId ERIN = IdentityId.of("erin");
    private static final IdentityId OLGA = IdentityId.of("olga");
    private static final IdentityId CAROL = IdentityId.of("carol");
    private static final IdentityId DAVE = IdentityId.of("dave");
    private static final IdentityId MALLORY = IdentityId.of("mallory");
    private static final IdentityId HISTORIAN = IdentityId.of("historian-svc");

    private static final EntitlementId OPERATE = EntitlementId.of("plc-7-operate");
    private static final EntitlementId ENGINEER = EntitlementId.of("plc-7-engineer");
    private static final EntitlementId HISTORIAN_WRITE = EntitlementId.of("historian-write");
    private static final EntitlementId HMI = EntitlementId.of("line-3-hmi");
    private static final EntitlementId RETIRED = EntitlementId.of("plc-5-operate");

    private FixtureConfiguration<AccessRequest> fixture;
    private KnownIdentities identities;
    private KnownEntitlements catalog;
    private KnownHoldings holdings;
    private KnownRoleHolders roleHolders;

    @BeforeEach
    void setUp() {
        identities = new KnownIdentities()
                .personReportingTo("alice", "bob")
                .personReportingTo("bob", "erin")
                .person("erin")
                .personReportingTo("olga", "erin")
                .personReportingTo("carol", "erin")
                .personReportingTo("dave", "alice")
                .person("mallory")
                .nonHuman("historian-svc", IdentityKind.SERVICE_ACCOUNT, "alice", IdentityStatus.ACTIVE)
                .nonHuman("copilot", IdentityKind.AI_AGENT, "mallory", IdentityStatus.ACTIVE)
                .nonHuman("old-svc", IdentityKind.SERVICE_ACCOUNT, "alice", IdentityStatus.SUSPENDED)
                .person("gone", IdentityStatus.DEPARTED);
        catalog = new KnownEntitlements()
                .entry("plc-7-operate", RiskTier.CRITICAL, "olga", Duration.ofDays(2), "plc-7-engineer")
                .entry("plc-7-engineer", RiskTier.HIGH, "olga", Duration.ofDays(1))
                .entry("historian-write", RiskTier.MEDIUM, "olga", Duration.ofDays(30), "plc-7-operate")
                .entry("line-3-hmi", RiskTier.LOW, "alice", Duration.ofHours(8))
                .entry("plc-5-operate", RiskTier.LOW, "olga", Duration.ofHours(8)).retire("plc-5-operate");
        holdings = new KnownHoldings();
        roleHolders = new KnownRoleHolders().hold(Role.OT_SECURITY, "carol", "dave");

        fixture = new AggregateTestFixture<>(AccessRequest.class);
        fixture.registerInjectableResource(identities);
        fixture.registerInjectableResource(catalog);
        fixture.registerInjectableResource(holdings);
        fixture.registerInjectableResource(roleHolders);
        fixture.registerInjectableResource(new RequestPolicy(Duration.ofMinutes(15)));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aPersonAsksForAccessForThemselfForTheEntitlementsLongestGrant() {
        fixture.givenNoPriorActivity()
                .when(new FileAccessRequest(REQUEST, ALICE, null, OPERATE, "  retrofit on line 3 ", " CHG-4711 ", null, false))
                .expectEvents(new AccessRequested(REQUEST, ALICE, ALICE, OPERATE, "retrofit on line 3", "CHG-4711",
                        Duration.ofDays(2), false, RiskTier.CRITICAL));
    }

    @Test
    void aPersonAsksForAccessForAServiceAccountTheyOwn() {
        fixture.givenNoPriorActivity()
                .when(file(HISTORIAN, HISTORIAN_WRITE, Duration.ofDays(7)))
                .expectEvents(new AccessRequested(REQUEST, ALICE, HISTORIAN, HISTORIAN_WRITE, "retrofit on line 3",
                        "CHG-4711", Duration.ofDays(7), false, RiskTier.MEDIUM));
    }

    @Test
    void aBlankTicketIsNoTicket() {
        fixture.givenNoPriorActivity()
                .when(new FileAccessRequest(REQUEST, ALICE, ALICE, HMI, "retrofit on line 3", " ", Duration.ofHours(1), false))
                .expectEvents(new AccessRequested(REQUEST, ALICE, ALICE, HMI, "retrofit on line 3", null,
                        Duration.ofHours(1), false, RiskTier.LOW));
    }

    @Test
    void nobodyAsksForAnotherPersonsAccess() {
        fixture.givenNoPriorActivity()
                .when(file(MALLORY, OPERATE, null))
                .expectException(violation(BeneficiaryNotAllowed.class, Kind.FORBIDDEN, "beneficiaryId"))
                .expectNoEvents();
    }

    @Test
    void nobodyAsksForAccessForAnIdentitySomeoneElseOwns() {
        fixture.givenNoPriorActivity()
                .when(file(IdentityId.of("copilot"), OPERATE, null))
                .expectException(violation(BeneficiaryNotAllowed.class, Kind.FORBIDDEN, "beneficiaryId"));
    }

    @Test
    void aSuspendedServiceAccountGetsNoNewAccess() {
        fixture.givenNoPriorActivity()
                .when(file(IdentityId.of("old-svc"), OPERATE, null))
                .expectException(violation(BeneficiaryNotAllowed.class, Kind.FORBIDDEN, "beneficiaryId"));
    }

    @Test
    void anUnknownBeneficiaryIsABadReference() {
        fixture.givenNoPriorActivity()
                .when(file(IdentityId.of("nobody"), OPERATE, null))
                .expectException(violation(IdentityNotFound.class, Kind.UNKNOWN_REFERENCE, "beneficiaryId"));
    }

    @Test
    void onlyAnActivePersonFilesARequest() {
        fixture.givenNoPriorActivity()
                .when(new FileAccessRequest(REQUEST, IdentityId.of("gone"), null, OPERATE, "one more thing", null, null, false))
                .expectException(violation(NotAnActiveHuman.class, Kind.INVALID, "requesterId"));
        fixture.givenNoPriorActivity()
                .when(new FileAccessRequest(REQUEST, HISTORIAN, null, OPERATE, "automated", null, null, false))
                .expectException(violation(NotAnActiveHuman.class, Kind.INVALID, "requesterId"));
    }

    @Test
    void anUnknownEntitlementIsABadReference() {
        fixture.givenNoPriorActivity()
                .when(file(null, EntitlementId.of("no-such"), null))
                .expectException(violation(EntitlementNotFound.class, Kind.UNKNOWN_REFERENCE, "entitlementId"));
    }

    @Test
    void aRetiredEntitlementCannotBeRequested() {
        fixture.givenNoPriorActivity()
                .when(file(null, RETIRED, null))
                .expectException(violation(EntitlementRetiredAlready.class, Kind.CONFLICT, null));
    }

    @Test
    void aRequestNeedsAJustification() {
        fixture.givenNoPriorActivity()
                .when(new FileAccessRequest(REQUEST, ALICE, null, OPERATE, "   ", null, null, false))
                .expectException(violation(InvalidRequestField.class, Kind.INVALID, "justification"));
        fixture.givenNoPriorActivity()
                .when(new FileAccessRequest(REQUEST, ALICE, null, OPERATE, "x".repeat(2001), null, null, false))
                .expectException(violation(InvalidRequestField.class, Kind.INVALID, "justification"));
    }

    @Test
    void aJustificationIsPlainText() {
        fixture.givenNoPriorActivity()
                .when(new FileAccessRequest(REQUEST, ALICE, null, OPERATE, "retrofit\u0000", null, null, false))
                .expectException(violation(InvalidRequestField.class, Kind.INVALID, "justification"));
    }

    @Test
    void aTicketHasAtMost100Characters() {
        fixture.givenNoPriorActivity()
                .when(new FileAccessRequest(REQUEST, ALICE, null, OPERATE, "retrofit", "T".repeat(101), null, false))
                .expectException(violation(InvalidRequestField.class, Kind.INVALID, "ticket"));
    }

    @Test
    void nobodyAsksForMoreThanTheEntitlementsMaximum() {
        fixture.givenNoPriorActivity()
                .when(file(null, HMI, Duration.ofHours(9)))
                .expectException(violation(InvalidRequestField.class, Kind.INVALID, "duration"))
                .expectExceptionMessage(containsString("exceeds the entitlement's maximum PT8H"));
    }

    @Test
    void nobodyAsksForLessThanTheSitesMinimum() {
        fixture.givenNoPriorActivity()
                .when(file(null, HMI, Duration.ofMinutes(5)))
                .expectException(violation(InvalidRequestField.class, Kind.INVALID, "duration"));
        fixture.givenNoPriorActivity()
                .when(file(null, HMI, Duration.ofHours(-1)))
                .expectException(violation(InvalidRequestField.class, Kind.INVALID, "duration"));
    }

    @Test
    void breakGlassIsNotAvailableYet() {
        fixture.givenNoPriorActivity()
                .when(new FileAccessRequest(REQUEST, ALICE, null, OPERATE, "line 3 is down", null, null, true))
                .expectException(violation(InvalidRequestField.class, Kind.INVALID, "emergency"))
                .expectExceptionMessage("break-glass access is not available yet");
    }

    @Test
    void nobodyAsksForWhatTheyAlreadyHold() {
        holdings.hold("alice", "plc-7-operate");
        fixture.givenNoPriorActivity()
                .when(file(null, OPERATE, null))
                .expectException(violation(AlreadyHeld.class, Kind.CONFLICT, "entitlementId"))
                .expectNoEvents();
    }

    @Test
    void aRequestConflictingWithAHeldEntitlementIsRefused() {
        holdings.hold("alice", "plc-7-engineer");
        fixture.givenNoPriorActivity()
                .when(file(null, OPERATE, null))
                .expectException(violation(SeparationOfDutiesConflict.class, Kind.CONFLICT, "entitlementId"))
                .expectExceptionMessage(containsString("plc-7-engineer"))
                .expectNoEvents();
    }

    @Test
    void aConflictDeclaredOnTheHeldEntitlementCountsToo() {
        holdings.hold("alice", "historian-write");
        fixture.givenNoPriorActivity()
                .when(file(null, OPERATE, null))
                .expectException(SeparationOfDutiesConflict.class)
                .expectExceptionMessage(containsString("historian-write"));
    }

    @Test
    void separationOfDutiesLooksAtTheBeneficiarysHoldings() {
        holdings.hold("alice", "plc-7-engineer");
        fixture.givenNoPriorActivity()
                .when(file(HISTORIAN, OPERATE, Duration.ofHours(4)))
                .expectEvents(new AccessRequested(REQUEST, ALICE, HISTORIAN, OPERATE, "retrofit on line 3", "CHG-4711",
                        Duration.ofHours(4), false, RiskTier.CRITICAL));
    }

    @Test
    void aRequestWithoutConflictsIsClear() {
        fixture.given(filed())
                .when(new CheckSeparationOfDuties(REQUEST))
                .expectNoEvents()
                .expectResultMessagePayload(true);
    }

    @Test
    void aConflictingGrantThatAppearedSinceFilingRejectsTheRequest() {
        holdings.hold("alice", "plc-7-engineer");
        fixture.given(filed())
                .when(new CheckSeparationOfDuties(REQUEST))
                .expectEvents(new AccessRequestRejected(REQUEST, RejectionReason.SEPARATION_OF_DUTIES,
                        "'alice' holds 'plc-7-engineer', which conflicts with 'plc-7-operate'"))
                .expectResultMessagePayload(false);
    }

    @Test
    void aRequestThatEndedIsNotClear() {
        fixture.given(filed(), new AccessRequestCancelled(REQUEST, ALICE))
                .when(new CheckSeparationOfDuties(REQUEST))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void theManagerStageGoesToTheBeneficiarysManager() {
        fixture.given(filed())
                .when(open(0, ApprovalStage.MANAGER, false))
                .expectEvents(new ApprovalStageOpened(REQUEST, 0, ApprovalStage.MANAGER, Set.of(BOB), false, DECIDE_BY))
                .expectResultMessagePayload(new StageRouting(Set.of(BOB)));
    }

    @Test
    void theManagerStageOfAServiceAccountGoesToItsOwnersManager() {
        fixture.given(filedFor(HISTORIAN, HISTORIAN_WRITE, RiskTier.MEDIUM))
                .when(open(0, ApprovalStage.MANAGER, false))
                .expectEvents(new ApprovalStageOpened(REQUEST, 0, ApprovalStage.MANAGER, Set.of(BOB), false, DECIDE_BY))
                .expectResultMessagePayload(new StageRouting(Set.of(BOB)));
    }

    @Test
    void theManagerStageOfAServiceAccountFollowsItsCurrentOwner() {
        // the service account was handed to olga after alice filed the request
        identities.nonHuman("historian-svc", IdentityKind.SERVICE_ACCOUNT, "olga", IdentityStatus.ACTIVE);
        fixture.given(filedFor(HISTORIAN, HISTORIAN_WRITE, RiskTier.MEDIUM))
                .when(open(0, ApprovalStage.MANAGER, false))
                .expectEvents(new ApprovalStageOpened(REQUEST, 0, ApprovalStage.MANAGER, Set.of(ERIN), false, DECIDE_BY))
                .expectResultMessagePayload(new StageRouting(Set.of(ERIN)));
    }

    @Test
    void theResourceOwnerStageGoesToTheEntitlementsOwner() {
        fixture.given(filed(), managerStage(), managerApproved())
                .when(open(1, ApprovalStage.RESOURCE_OWNER, false))
                .expectEvents(new ApprovalStageOpened(REQUEST, 1, ApprovalStage.RESOURCE_OWNER, Set.of(OLGA), false,
                        DECIDE_BY))
                .expectResultMessagePayload(new StageRouting(Set.of(OLGA)));
    }

    @Test
    void aStageThatWouldFallToTheRequesterGoesToTheirManager() {
        fixture.given(filedFor(ALICE, HMI, RiskTier.LOW))
                .when(open(0, ApprovalStage.RESOURCE_OWNER, false))
                .expectEvents(new ApprovalStageOpened(REQUEST, 0, ApprovalStage.RESOURCE_OWNER, Set.of(BOB), false,
                        DECIDE_BY))
                .expectResultMessagePayload(new StageRouting(Set.of(BOB)));
    }

    @Test
    void theOtSecurityStageGoesToEveryHolderOfTheRole() {
        fixture.given(filed(), managerStage(), managerApproved(), ownerStage(), ownerApproved())
                .when(open(2, ApprovalStage.OT_SECURITY, true))
                .expectEvents(new ApprovalStageOpened(REQUEST, 2, ApprovalStage.OT_SECURITY, Set.of(CAROL, DAVE), true,
                        DECIDE_BY))
                .expectResultMessagePayload(new StageRouting(Set.of(CAROL, DAVE)));
    }

    @Test
    void anOtSecurityStageGoesToTheOtherHoldersWhenTheRequesterHoldsTheRole() {
        roleHolders.hold(Role.OT_SECURITY, "alice");
        fixture.given(filed(), managerStage(), managerApproved(), ownerStage(), ownerApproved())
                .when(open(2, ApprovalStage.OT_SECURITY, true))
                .expectEvents(new ApprovalStageOpened(REQUEST, 2, ApprovalStage.OT_SECURITY, Set.of(CAROL, DAVE),
                        true, DECIDE_BY))
                .expectResultMessagePayload(new StageRouting(Set.of(CAROL, DAVE)));
    }

    @Test
    void anOtSecurityStageGoesToTheRequestersManagerWhenTheRequesterIsTheOnlyHolder() {
        roleHolders.only(Role.OT_SECURITY, "alice");
        fixture.given(filed(), managerStage(), managerApproved(), ownerStage(), ownerApproved())
                .when(open(2, ApprovalStage.OT_SECURITY, true))
                .expectEvents(new ApprovalStageOpened(REQUEST, 2, ApprovalStage.OT_SECURITY, Set.of(BOB), true, DECIDE_BY))
                .expectResultMessagePayload(new StageRouting(Set.of(BOB)));
    }

    @Test
    void aStageNobodyButTheRequesterCouldDecideRejectsTheRequest() {
        // erin has no manager and owns the entitlement she asks for
        catalog.entry("line-3-hmi", RiskTier.LOW, "erin", Duration.ofHours(8));
        fixture.given(new AccessRequested(REQUEST, ERIN, ERIN, HMI, "commissioning", null, Duration.ofHours(8), false,
                        RiskTier.LOW))
                .when(open(0, ApprovalStage.RESOURCE_OWNER, false))
                .expectEvents(new AccessRequestRejected(REQUEST, RejectionReason.NO_APPROVER, "nobody but the requester"
                        + " or the beneficiary can decide stage RESOURCE_OWNER, and they have no manager who could"))
                .expectResultMessagePayload(new StageRouting(Set.of()));
    }

    @Test
    void aPersonWithoutAManagerGetsNoApprover() {
        fixture.given(new AccessRequested(REQUEST, ERIN, ERIN, OPERATE, "audit", null, Duration.ofHours(8), false,
                        RiskTier.CRITICAL))
                .when(open(0, ApprovalStage.MANAGER, false))
                .expectEvents(new AccessRequestRejected(REQUEST, RejectionReason.NO_APPROVER, "nobody but the requester"
                        + " or the beneficiary can decide stage MANAGER, and they have no manager who could"))
                .expectResultMessagePayload(new StageRouting(Set.of()));
    }

    @Test
    void anOwnerWhoLeftDecidesNothing() {
        catalog.entry("plc-7-operate", RiskTier.CRITICAL, "gone", Duration.ofDays(2));
        fixture.given(filed(), managerStage(), managerApproved())
                .when(open(1, ApprovalStage.RESOURCE_OWNER, false))
                .expectEvents(new AccessRequestRejected(REQUEST, RejectionReason.NO_APPROVER, "nobody but the requester"
                        + " or the beneficiary can decide stage RESOURCE_OWNER, and they have no manager who could"))
                .expectResultMessagePayload(new StageRouting(Set.of()));
    }

    @Test
    void openingAStageAgainAnswersItsRoutingWithoutOpeningItTwice() {
        fixture.given(filed(), managerStage())
                .when(open(0, ApprovalStage.MANAGER, false))
                .expectNoEvents()
                .expectResultMessagePayload(new StageRouting(Set.of(BOB)));
    }

    @Test
    void stagesOpenInOrder() {
        fixture.given(filed())
                .when(open(1, ApprovalStage.RESOURCE_OWNER, false))
                .expectException(violation(StageOutOfOrder.class, Kind.CONFLICT, "stageIndex"))
                .expectNoEvents();
    }

    @Test
    void aStageOpensOnlyOnceThePreviousOneIsDecided() {
        fixture.given(filed(), managerStage())
                .when(open(1, ApprovalStage.RESOURCE_OWNER, false))
                .expectException(StageOutOfOrder.class)
                .expectNoEvents();
    }

    @Test
    void noStageOpensOnARequestThatEnded() {
        fixture.given(filed(), new AccessRequestCancelled(REQUEST, ALICE))
                .when(open(0, ApprovalStage.MANAGER, false))
                .expectException(violation(RequestNotPending.class, Kind.CONFLICT, null))
                .expectNoEvents();
    }

    @Test
    void anApproverApprovesTheirStage() {
        fixture.given(filed(), managerStage())
                .when(new RecordApprovalDecision(REQUEST, 0, BOB, DecisionOutcome.APPROVE, " fine for the retrofit ",
                        DecisionChannel.EMAIL_LINK, "192.0.2.10", false))
                .expectEvents(new ApprovalDecisionRecorded(REQUEST, 0, ApprovalStage.MANAGER, BOB, DecisionOutcome.APPROVE,
                        "fine for the retrofit", DecisionChannel.EMAIL_LINK, "192.0.2.10", false, NOW));
    }

    @Test
    void aRejectionEndsTheRequest() {
        fixture.given(filed(), managerStage())
                .when(new RecordApprovalDecision(REQUEST, 0, BOB, DecisionOutcome.REJECT, null, DecisionChannel.WEB,
                        "192.0.2.10", false))
                .expectEvents(new ApprovalDecisionRecorded(REQUEST, 0, ApprovalStage.MANAGER, BOB, DecisionOutcome.REJECT,
                                null, DecisionChannel.WEB, "192.0.2.10", false, NOW),
                        new AccessRequestRejected(REQUEST, RejectionReason.APPROVER_REJECTED,
                                "rejected by bob at stage MANAGER"));
    }

    @Test
    void anApproverCannotApproveTheirOwnRequest() {
        // even if a stage somehow listed the requester, their decision would not count
        fixture.given(filed(), new ApprovalStageOpened(REQUEST, 0, ApprovalStage.OT_SECURITY, Set.of(ALICE, CAROL),
                        false, DECIDE_BY))
                .when(decide(0, ALICE, DecisionOutcome.APPROVE, false))
                .expectException(violation(SelfApprovalForbidden.class, Kind.FORBIDDEN, null))
                .expectNoEvents();
    }

    @Test
    void theOwnerOfAServiceAccountCannotApproveItsAccess() {
        fixture.given(filedFor(HISTORIAN, HISTORIAN_WRITE, RiskTier.MEDIUM),
                        new ApprovalStageOpened(REQUEST, 0, ApprovalStage.MANAGER, Set.of(BOB), false, DECIDE_BY))
                .when(decide(0, ALICE, DecisionOutcome.APPROVE, false))
                .expectException(SelfApprovalForbidden.class);
    }

    @Test
    void onlyTheStagesApproversDecide() {
        fixture.given(filed(), managerStage())
                .when(decide(0, MALLORY, DecisionOutcome.APPROVE, false))
                .expectException(violation(NotAnApprover.class, Kind.FORBIDDEN, null))
                .expectNoEvents();
    }

    @Test
    void anEscalatedStageIsDecidedByItsNewApprovers() {
        fixture.given(filed(), managerStage(), new ApprovalStageEscalated(REQUEST, 0, Set.of(ERIN), Set.of(BOB)))
                .when(decide(0, BOB, DecisionOutcome.APPROVE, false))
                .expectException(NotAnApprover.class);
        fixture.given(filed(), managerStage(), new ApprovalStageEscalated(REQUEST, 0, Set.of(ERIN), Set.of(BOB)))
                .when(decide(0, ERIN, DecisionOutcome.APPROVE, false))
                .expectEvents(new ApprovalDecisionRecorded(REQUEST, 0, ApprovalStage.MANAGER, ERIN, DecisionOutcome.APPROVE,
                        null, DecisionChannel.EMAIL_LINK, "192.0.2.10", false, NOW));
    }

    @Test
    void aSecondClickIsAnsweredNotApplied() {
        fixture.given(filed(), managerStage(), managerApproved())
                .when(decide(0, BOB, DecisionOutcome.APPROVE, false))
                .expectException(violation(DecisionAlreadyRecorded.class, Kind.CONFLICT, null))
                .expectNoEvents();
    }

    @Test
    void aSecondClickAfterARejectionIsAnsweredNotApplied() {
        fixture.given(filed(), managerStage(), managerDecided(DecisionOutcome.REJECT),
                        new AccessRequestRejected(REQUEST, RejectionReason.APPROVER_REJECTED, "rejected by bob at stage MANAGER"))
                .when(decide(0, BOB, DecisionOutcome.REJECT, false))
                .expectException(DecisionAlreadyRecorded.class)
                .expectNoEvents();
    }

    @Test
    void aLateDecisionIsRefused() {
        fixture.given(filed(), managerStage(), new AccessRequestTimedOut(REQUEST))
                .when(decide(0, BOB, DecisionOutcome.APPROVE, false))
                .expectException(violation(RequestNotPending.class, Kind.CONFLICT, null))
                .expectNoEvents();
    }

    @Test
    void aStageThatWasNeverOpenedCannotBeDecided() {
        fixture.given(filed(), managerStage())
                .when(decide(1, OLGA, DecisionOutcome.APPROVE, false))
                .expectException(violation(StageNotFound.class, Kind.NOT_FOUND, null));
    }

    @Test
    void aStageThatAsksForReauthenticationCountsOnlyAfterSigningInAgain() {
        fixture.given(filed(), managerStage(), managerApproved(), ownerStage(), ownerApproved(), otSecurityStage())
                .when(decide(2, CAROL, DecisionOutcome.APPROVE, false))
                .expectException(violation(ReauthenticationRequired.class, Kind.FORBIDDEN, null))
                .expectNoEvents();
        fixture.given(filed(), managerStage(), managerApproved(), ownerStage(), ownerApproved(), otSecurityStage())
                .when(decide(2, CAROL, DecisionOutcome.APPROVE, true))
                .expectEvents(new ApprovalDecisionRecorded(REQUEST, 2, ApprovalStage.OT_SECURITY, CAROL,
                        DecisionOutcome.APPROVE, null, DecisionChannel.EMAIL_LINK, "192.0.2.10", true, NOW));
    }

    @Test
    void aCommentHasAtMost2000Characters() {
        fixture.given(filed(), managerStage())
                .when(new RecordApprovalDecision(REQUEST, 0, BOB, DecisionOutcome.APPROVE, "c".repeat(2001),
                        DecisionChannel.WEB, null, false))
                .expectException(violation(InvalidRequestField.class, Kind.INVALID, "comment"));
    }

    @Test
    void aDecisionNeedsAnOutcome() {
        fixture.given(filed(), managerStage())
                .when(new RecordApprovalDecision(REQUEST, 0, BOB, null, null, DecisionChannel.WEB, null, false))
                .expectException(violation(InvalidRequestField.class, Kind.INVALID, "outcome"));
    }

    @Test
    void anUnansweredStageMovesToTheApproversManagers() {
        fixture.given(filed(), managerStage())
                .when(new EscalateApprovalStage(REQUEST, 0))
                .expectEvents(new ApprovalStageEscalated(REQUEST, 0, Set.of(ERIN), Set.of(BOB)))
                .expectResultMessagePayload(new StageRouting(Set.of(ERIN)));
    }

    @Test
    void escalationNeverReachesTheRequester() {
        // dave reports to alice, who filed the request: only carol's manager takes the stage
        fixture.given(filed(), managerStage(), managerApproved(), ownerStage(), ownerApproved(), otSecurityStage())
                .when(new EscalateApprovalStage(REQUEST, 2))
                .expectEvents(new ApprovalStageEscalated(REQUEST, 2, Set.of(ERIN), Set.of(CAROL, DAVE)))
                .expectResultMessagePayload(new StageRouting(Set.of(ERIN)));
    }

    @Test
    void aStageWithNobodyAboveStaysWhereItIs() {
        fixture.given(filed(), managerStage(), new ApprovalStageEscalated(REQUEST, 0, Set.of(ERIN), Set.of(BOB)))
                .when(new EscalateApprovalStage(REQUEST, 0))
                .expectNoEvents()
                .expectResultMessagePayload(new StageRouting(Set.of(ERIN)));
    }

    @Test
    void aDecidedStageIsNotEscalated() {
        fixture.given(filed(), managerStage(), managerApproved())
                .when(new EscalateApprovalStage(REQUEST, 0))
                .expectNoEvents()
                .expectResultMessagePayload(new StageRouting(Set.of(BOB)));
    }

    @Test
    void aRequestThatEndedIsNotEscalated() {
        fixture.given(filed(), managerStage(), new AccessRequestCancelled(REQUEST, ALICE))
                .when(new EscalateApprovalStage(REQUEST, 0))
                .expectNoEvents()
                .expectResultMessagePayload(new StageRouting(Set.of(BOB)));
    }

    @Test
    void aRequestApprovedAtEveryStageRunsForItsDuration() {
        fixture.given(filed(), managerStage(), managerApproved())
                .when(new ApproveAccessRequest(REQUEST, GRANT, null))
                .expectEvents(new AccessRequestApproved(REQUEST, GRANT, ALICE, OPERATE, NOW, NOW.plus(Duration.ofDays(1))));
    }

    @Test
    void theGrantIsCappedByThePolicysLongestGrant() {
        fixture.given(filed(), managerStage(), managerApproved(), ownerStage(), ownerApproved(), otSecurityStage(),
                        otSecurityApproved())
                .when(new ApproveAccessRequest(REQUEST, GRANT, Duration.ofHours(8)))
                .expectEvents(new AccessRequestApproved(REQUEST, GRANT, ALICE, OPERATE, NOW, NOW.plus(Duration.ofHours(8))));
    }

    @Test
    void aShorterRequestedDurationIsKept() {
        fixture.given(new AccessRequested(REQUEST, ALICE, ALICE, OPERATE, "retrofit on line 3", "CHG-4711",
                        Duration.ofHours(4), false, RiskTier.CRITICAL), managerStage(), managerApproved())
                .when(new ApproveAccessRequest(REQUEST, GRANT, Duration.ofHours(8)))
                .expectEvents(new AccessRequestApproved(REQUEST, GRANT, ALICE, OPERATE, NOW, NOW.plus(Duration.ofHours(4))));
    }

    @Test
    void theGrantIsCappedByTheEntitlementsMaximumAsItIsToday() {
        EntitlementFacts operate = catalog.find(OPERATE).orElseThrow();
        catalog.add(new EntitlementFacts(OPERATE, operate.resource(), operate.zone(), operate.level(), operate.risk(),
                operate.ownerId(), Duration.ofHours(2), operate.sodConflicts(), false));
        fixture.given(filed(), managerStage(), managerApproved())
                .when(new ApproveAccessRequest(REQUEST, GRANT, null))
                .expectEvents(new AccessRequestApproved(REQUEST, GRANT, ALICE, OPERATE, NOW, NOW.plus(Duration.ofHours(2))));
    }

    @Test
    void aRequestWithAnUndecidedStageIsNotApproved() {
        fixture.given(filed(), managerStage(), managerApproved(), ownerStage())
                .when(new ApproveAccessRequest(REQUEST, GRANT, null))
                .expectException(violation(ApprovalIncomplete.class, Kind.CONFLICT, null))
                .expectNoEvents();
    }

    @Test
    void aRequestNobodyApprovedIsNotApproved() {
        fixture.given(filed())
                .when(new ApproveAccessRequest(REQUEST, GRANT, null))
                .expectException(ApprovalIncomplete.class);
    }

    @Test
    void approvingAgainForTheSameGrantChangesNothing() {
        fixture.given(filed(), managerStage(), managerApproved(),
                        new AccessRequestApproved(REQUEST, GRANT, ALICE, OPERATE, NOW, NOW.plus(Duration.ofDays(1))))
                .when(new ApproveAccessRequest(REQUEST, GRANT, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anApprovedRequestStartsNoSecondGrant() {
        fixture.given(filed(), managerStage(), managerApproved(),
                        new AccessRequestApproved(REQUEST, GRANT, ALICE, OPERATE, NOW, NOW.plus(Duration.ofDays(1))))
                .when(new ApproveAccessRequest(REQUEST, GrantId.of("g-2"), null))
                .expectException(RequestNotPending.class)
                .expectNoEvents();
    }

    @Test
    void aRejectedRequestIsNotApproved() {
        fixture.given(filed(), managerStage(), managerDecided(DecisionOutcome.REJECT),
                        new AccessRequestRejected(REQUEST, RejectionReason.APPROVER_REJECTED, "rejected by bob at stage MANAGER"))
                .when(new ApproveAccessRequest(REQUEST, GRANT, null))
                .expectException(RequestNotPending.class);
    }

    @Test
    void theRequesterCancelsTheirPendingRequest() {
        fixture.given(filed(), managerStage())
                .when(new CancelAccessRequest(REQUEST, ALICE, false))
                .expectEvents(new AccessRequestCancelled(REQUEST, ALICE));
    }

    @Test
    void anAdministratorCancelsForTheRequester() {
        fixture.given(filed())
                .when(new CancelAccessRequest(REQUEST, ERIN, true))
                .expectEvents(new AccessRequestCancelled(REQUEST, ERIN));
    }

    @Test
    void aStrangerCannotCancelARequest() {
        fixture.given(filed())
                .when(new CancelAccessRequest(REQUEST, MALLORY, false))
                .expectException(violation(NotYourRequest.class, Kind.FORBIDDEN, null))
                .expectNoEvents();
    }

    @Test
    void aRequestThatEndedCannotBeCancelled() {
        fixture.given(filed(), managerStage(), managerApproved(),
                        new AccessRequestApproved(REQUEST, GRANT, ALICE, OPERATE, NOW, NOW.plus(Duration.ofDays(1))))
                .when(new CancelAccessRequest(REQUEST, ALICE, false))
                .expectException(RequestNotPending.class)
                .expectNoEvents();
    }

    @Test
    void anUnansweredRequestTimesOut() {
        fixture.given(filed(), managerStage())
                .when(new TimeOutAccessRequest(REQUEST))
                .expectEvents(new AccessRequestTimedOut(REQUEST));
    }

    @Test
    void aTimeOutAfterTheRequestEndedChangesNothing() {
        fixture.given(filed(), new AccessRequestCancelled(REQUEST, ALICE))
                .when(new TimeOutAccessRequest(REQUEST))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static FileAccessRequest file(IdentityId beneficiary, EntitlementId entitlement, Duration duration) {
        return new FileAccessRequest(REQUEST, ALICE, beneficiary, entitlement, "retrofit on line 3", "CHG-4711", duration, false);
    }

    private static OpenApprovalStage open(int index, ApprovalStage stage, boolean reauthenticate) {
        return new OpenApprovalStage(REQUEST, index, stage, reauthenticate, DECIDE_BY);
    }

    private static RecordApprovalDecision decide(int index, IdentityId approver, DecisionOutcome outcome, boolean reauthenticated) {
        return new RecordApprovalDecision(REQUEST, index, approver, outcome, null, DecisionChannel.EMAIL_LINK, "192.0.2.10",
                reauthenticated);
    }

    /** Alice asks for a day of PLC-7 operation for herself. */
    private static AccessRequested filed() {
        return filedFor(ALICE, OPERATE, RiskTier.CRITICAL);
    }

    private static AccessRequested filedFor(IdentityId beneficiary, EntitlementId entitlement, RiskTier risk) {
        return new AccessRequested(REQUEST, ALICE, beneficiary, entitlement, "retrofit on line 3", "CHG-4711", Duration.ofDays(1),
                false, risk);
    }

    private static ApprovalStageOpened managerStage() {
        return new ApprovalStageOpened(REQUEST, 0, ApprovalStage.MANAGER, Set.of(BOB), false, DECIDE_BY);
    }

    private static ApprovalDecisionRecorded managerApproved() {
        return managerDecided(DecisionOutcome.APPROVE);
    }

    private static ApprovalDecisionRecorded managerDecided(DecisionOutcome outcome) {
        return new ApprovalDecisionRecorded(REQUEST, 0, ApprovalStage.MANAGER, BOB, outcome, null, DecisionChannel.EMAIL_LINK,
                "192.0.2.10", false, NOW);
    }

    private static ApprovalStageOpened ownerStage() {
        return new ApprovalStageOpened(REQUEST, 1, ApprovalStage.RESOURCE_OWNER, Set.of(OLGA), false, DECIDE_BY);
    }

    private static ApprovalDecisionRecorded ownerApproved() {
        return new ApprovalDecisionRecorded(REQUEST, 1, ApprovalStage.RESOURCE_OWNER, OLGA, DecisionOutcome.APPROVE, null,
                DecisionChannel.WEB, "192.0.2.11", false, NOW);
    }

    private static ApprovalStageOpened otSecurityStage() {
        return new ApprovalStageOpened(REQUEST, 2, ApprovalStage.OT_SECURITY, Set.of(CAROL, DAVE), true, DECIDE_BY);
    }

    private static ApprovalDecisionRecorded otSecurityApproved() {
        return new ApprovalDecisionRecorded(REQUEST, 2, ApprovalStage.OT_SECURITY, CAROL, DecisionOutcome.APPROVE, null,
                DecisionChannel.EMAIL_LINK, "192.0.2.12", true, NOW);
    }
}
