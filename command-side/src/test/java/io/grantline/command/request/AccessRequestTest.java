package io.grantline.command.request;

import static io.grantline.command.common.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.grantline.api.common.RuleViolation.Kind;
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
import io.grantline.api.request.ApprovalDecisionFlagged;
import io.grantline.api.request.ApprovalDecisionRecorded;
import io.grantline.api.request.ApprovalPolicy;
import io.grantline.api.request.ApprovalPolicyApplied;
import io.grantline.api.request.ApprovalResult;
import io.grantline.api.request.ApprovalStage;
import io.grantline.api.request.ApprovalStageEscalated;
import io.grantline.api.request.ApprovalStageOpened;
import io.grantline.api.request.ApprovalStageReassigned;
import io.grantline.api.request.ApproveAccessRequest;
import io.grantline.api.request.CancelAccessRequest;
import io.grantline.api.request.CheckSeparationOfDuties;
import io.grantline.api.request.DecisionAuthentication;
import io.grantline.api.request.DecisionChannel;
import io.grantline.api.request.DecisionFlag;
import io.grantline.api.request.DecisionOutcome;
import io.grantline.api.request.EscalateApprovalStage;
import io.grantline.api.request.FileAccessRequest;
import io.grantline.api.request.OpenApprovalStage;
import io.grantline.api.request.ReassignApprovalStage;
import io.grantline.api.request.RecordApprovalDecision;
import io.grantline.api.request.RejectApprovedRequest;
import io.grantline.api.request.RejectionReason;
import io.grantline.api.request.SodException;
import io.grantline.api.request.StageRouting;
import io.grantline.api.request.TimeOutAccessRequest;
import io.grantline.command.entitlement.EntitlementFacts;
import io.grantline.command.entitlement.EntitlementRuleViolation.EntitlementNotFound;
import io.grantline.command.entitlement.EntitlementRuleViolation.EntitlementRetiredAlready;
import io.grantline.command.entitlement.KnownEntitlements;
import io.grantline.command.grant.KnownHoldings;
import io.grantline.command.identity.IdentityFacts;
import io.grantline.command.identity.IdentityRuleViolation.IdentityNotFound;
import io.grantline.command.identity.IdentityRuleViolation.NotAnActiveHuman;
import io.grantline.command.identity.KnownIdentities;
import io.grantline.command.request.AccessRequestRuleViolation.AlreadyHeld;
import io.grantline.command.request.AccessRequestRuleViolation.ApprovalIncomplete;
import io.grantline.command.request.AccessRequestRuleViolation.ApproverNotActive;
import io.grantline.command.request.AccessRequestRuleViolation.BeneficiaryNotAllowed;
import io.grantline.command.request.AccessRequestRuleViolation.DecisionAlreadyRecorded;
import io.grantline.command.request.AccessRequestRuleViolation.FreshSignInRequired;
import io.grantline.command.request.AccessRequestRuleViolation.InvalidRequestField;
import io.grantline.command.request.AccessRequestRuleViolation.NotAnApprover;
import io.grantline.command.request.AccessRequestRuleViolation.NotYourRequest;
import io.grantline.command.request.AccessRequestRuleViolation.ReauthenticationRequired;
import io.grantline.command.request.AccessRequestRuleViolation.RequestNotPending;
import io.grantline.command.request.AccessRequestRuleViolation.SecondStageForSameApprover;
import io.grantline.command.request.AccessRequestRuleViolation.SelfApprovalForbidden;
import io.grantline.command.request.AccessRequestRuleViolation.SeparationOfDutiesConflict;
import io.grantline.command.request.AccessRequestRuleViolation.StageNotFound;
import io.grantline.command.request.AccessRequestRuleViolation.StageNotInPolicy;
import io.grantline.command.request.AccessRequestRuleViolation.StageOutOfOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessRequestTest {

    private static final Instant NOW = Instant.parse("2026-03-14T02:00:00Z");
    private static final Instant DECIDE_BY = NOW.plus(Duration.ofDays(3));
    private static final DecisionAuthentication LINK = DecisionAuthentication.linkOnly();
    private static final DecisionAuthentication PASSWORD = DecisionAuthentication.passwordAt(NOW);

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
    private final KnownPolicies policies = new KnownPolicies();
    private final KnownBreakGlassUses breakGlassUses = new KnownBreakGlassUses();

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
        // the stages in these tests were opened whenever the test runs; FastApprovalFlagTest times them
        fixture.registerInjectableResource(new RequestPolicy(Duration.ofMinutes(15), Duration.ofMinutes(5), BreakGlassAllowance.DEFAULT,
                Duration.ZERO));
        fixture.registerInjectableResource(policies);
        fixture.registerInjectableResource(breakGlassUses);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aPersonAsksForAccessForThemselfForTheEntitlementsLongestGrant() {
        fixture.givenNoPriorActivity()
                .when(new FileAccessRequest(REQUEST, ALICE, null, OPERATE, "  retrofit on line 3 ", " CHG-4711 ", null, false))
                .expectEvents(new AccessRequested(REQUEST, ALICE, ALICE, OPERATE, "retrofit on line 3", "CHG-4711",
                        Duration.ofDays(2), false, RiskTier.CRITICAL), policyFor(RiskTier.CRITICAL));
    }

    @Test
    void aPersonAsksForAccessForAServiceAccountTheyOwn() {
        fixture.givenNoPriorActivity()
                .when(file(HISTORIAN, HISTORIAN_WRITE, Duration.ofDays(7)))
                .expectEvents(new AccessRequested(REQUEST, ALICE, HISTORIAN, HISTORIAN_WRITE, "retrofit on line 3",
                        "CHG-4711", Duration.ofDays(7), false, RiskTier.MEDIUM), policyFor(RiskTier.MEDIUM));
    }

    @Test
    void aBlankTicketIsNoTicket() {
        fixture.givenNoPriorActivity()
                .when(new FileAccessRequest(REQUEST, ALICE, ALICE, HMI, "retrofit on line 3", " ", Duration.ofHours(1), false))
                .expectEvents(new AccessRequested(REQUEST, ALICE, ALICE, HMI, "retrofit on line 3", null,
                        Duration.ofHours(1), false, RiskTier.LOW), policyFor(RiskTier.LOW));
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
    void breakGlassIsFiledWithTheEmergencyPolicyWhoseStagesReviewAfterwards() {
        fixture.givenNoPriorActivity()
                .when(emergency())
                .expectEvents(emergencyFiled(), emergencyPolicy());
        assertThat(breakGlassUses.askedSince).isEqualTo(NOW.minus(Duration.ofDays(30)));
    }

    @Test
    void breakGlassIsGrantedAtOnceForAtMostThePolicysLongestGrant() {
        fixture.given(emergencyFiled(), emergencyPolicy())
                .when(new ApproveAccessRequest(REQUEST, GRANT))
                .expectEvents(new AccessRequestApproved(REQUEST, GRANT, ALICE, OPERATE, NOW, NOW.plus(Duration.ofHours(4))));
    }

    @Test
    void anOrdinaryRequestIsNeverGrantedBeforeItsStages() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL))
                .when(new ApproveAccessRequest(REQUEST, GRANT))
                .expectException(ApprovalIncomplete.class)
                .expectNoEvents();
    }

    @Test
    void aBreakGlassGrantsReviewsOpenAfterTheGrantAndAskForAFreshSignIn() {
        fixture.given(emergencyFiled(), emergencyPolicy(), emergencyApproved())
                .when(open(0))
                .expectEvents(new ApprovalStageOpened(REQUEST, 0, ApprovalStage.RESOURCE_OWNER, Set.of(OLGA), true, DECIDE_BY));
        fixture.given(emergencyFiled(), emergencyPolicy(), emergencyApproved(), emergencyOwnerReview())
                .when(decide(0, OLGA, DecisionOutcome.APPROVE, false))
                .expectException(ReauthenticationRequired.class)
                .expectNoEvents();
    }

    @Test
    void aRejectionInReviewIsFlaggedAndRejectsTheBreakGlassRequest() {
        fixture.given(emergencyFiled(), emergencyPolicy(), emergencyApproved(), emergencyOwnerReview())
                .when(decide(0, OLGA, DecisionOutcome.REJECT, true))
                .expectEvents(new ApprovalDecisionRecorded(REQUEST, 0, ApprovalStage.RESOURCE_OWNER, OLGA, DecisionOutcome.REJECT,
                                null, DecisionChannel.EMAIL_LINK, "192.0.2.10", PASSWORD, true, NOW),
                        new ApprovalDecisionFlagged(REQUEST, 0, OLGA, DecisionFlag.BREAK_GLASS_REJECTED, Duration.ZERO),
                        new AccessRequestRejected(REQUEST, RejectionReason.APPROVER_REJECTED, "break-glass access rejected in"
                                + " review by olga at stage RESOURCE_OWNER"));
    }

    @Test
    void aSiteTableWeakerThanTheFloorIsRaisedToItForBreakGlass() {
        // a table written before the emergency input: its usual answer, no limit, no fresh sign-in, the manager only
        policies.always(new ApprovalPolicy(List.of(ApprovalStage.MANAGER), false, null, KnownPolicies.TABLE));
        fixture.givenNoPriorActivity()
                .when(emergency())
                .expectEvents(emergencyFiled(), new ApprovalPolicyApplied(REQUEST, new ApprovalPolicy(List.of(ApprovalStage.MANAGER,
                        ApprovalStage.OT_SECURITY), true, Duration.ofHours(4), KnownPolicies.TABLE, true)));
    }

    @Test
    void breakGlassAsksForAFreshSignInNotAnApiTokenOrAnOldSession() {
        for (DecisionAuthentication stale : new DecisionAuthentication[] {null, new DecisionAuthentication(DecisionAuthentication.Method.API_TOKEN, null),
                new DecisionAuthentication(DecisionAuthentication.Method.SESSION, NOW.minus(Duration.ofMinutes(6)))}) {
            fixture.givenNoPriorActivity()
                    .when(emergencyWith(stale))
                    .expectException(violation(FreshSignInRequired.class, Kind.FORBIDDEN, "emergency"))
                    .expectNoEvents();
        }
        fixture.givenNoPriorActivity()
                .when(emergencyWith(new DecisionAuthentication(DecisionAuthentication.Method.SESSION, NOW.minus(Duration.ofMinutes(4)))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void breakGlassIsForTheRequestersOwnAccessNotANonHumanIdentitys() {
        fixture.givenNoPriorActivity()
                .when(new FileAccessRequest(REQUEST, ALICE, HISTORIAN, HISTORIAN_WRITE, "historian is down", null, null, true, PASSWORD))
                .expectException(violation(InvalidRequestField.class, Kind.INVALID, "emergency"))
                .expectNoEvents();
    }

    @Test
    void theRequesterNeverReviewsTheirOwnBreakGlass() {
        fixture.given(emergencyFiled(), emergencyPolicy(), emergencyApproved(),
                        new ApprovalStageOpened(REQUEST, 0, ApprovalStage.RESOURCE_OWNER, Set.of(OLGA), true, DECIDE_BY))
                .when(decide(0, ALICE, DecisionOutcome.APPROVE, true))
                .expectException(SelfApprovalForbidden.class)
                .expectNoEvents();
    }

    @Test
    void breakGlassBeyondTheAllowanceIsRecordedAndRejected() {
        breakGlassUses.used("alice", 2);
        fixture.givenNoPriorActivity()
                .when(emergency())
                .expectEvents(emergencyFiled(), emergencyPolicy(), new AccessRequestRejected(REQUEST,
                        RejectionReason.BREAK_GLASS_LIMIT, "'alice' was given break-glass access 2 times in the last 30 days;"
                        + " this site allows 2"));
    }

    @Test
    void aBreakGlassRefusedAtFilingAnswersTheProcessWithItsReason() {
        fixture.given(emergencyFiled(), emergencyPolicy(),
                        new AccessRequestRejected(REQUEST, RejectionReason.BREAK_GLASS_LIMIT, "too often"))
                .when(new ApproveAccessRequest(REQUEST, GRANT))
                .expectResultMessagePayload(new ApprovalResult(null, RejectionReason.BREAK_GLASS_LIMIT))
                .expectNoEvents();
    }

    @Test
    void breakGlassStillRespectsSeparationOfDuties() {
        holdings.hold("alice", "plc-7-engineer");
        fixture.givenNoPriorActivity()
                .when(emergency())
                .expectException(violation(SeparationOfDutiesConflict.class, Kind.CONFLICT, "entitlementId"))
                .expectNoEvents();
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
    void aHolderAsksForMoreTimeOnTheGrantTheyHoldAndOnNoOtherGrant() {
        GrantId held = GrantId.of("g-0");
        holdings.hold("alice", "line-3-hmi", "g-0");
        fixture.givenNoPriorActivity()
                .when(new FileAccessRequest(REQUEST, ALICE, null, HMI, "retrofit on line 3", "CHG-4711", Duration.ofHours(4), false, null, held))
                .expectEvents(new AccessRequested(REQUEST, ALICE, ALICE, HMI, "retrofit on line 3", "CHG-4711", Duration.ofHours(4), false,
                        RiskTier.LOW, null, held), policyFor(RiskTier.LOW));
        fixture.givenNoPriorActivity()
                .when(new FileAccessRequest(REQUEST, ALICE, null, HMI, "retrofit on line 3", null, null, false, null, GrantId.of("g-9")))
                .expectException(violation(InvalidRequestField.class, Kind.INVALID, "extendsGrantId"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new FileAccessRequest(REQUEST, ALICE, null, HMI, "line 3 is down", null, null, true, PASSWORD, held))
                .expectException(violation(InvalidRequestField.class, Kind.INVALID, "extendsGrantId"))
                .expectNoEvents();
    }

    @Test
    void anApprovedExtensionNamesTheGrantItExtendsAndIsRejectedIfThatGrantEnded() {
        GrantId held = GrantId.of("g-0");
        AccessRequested extension = new AccessRequested(REQUEST, ALICE, ALICE, HMI, "retrofit on line 3", "CHG-4711", Duration.ofHours(4),
                false, RiskTier.LOW, null, held);
        holdings.hold("alice", "line-3-hmi", "g-0");
        fixture.given(extension, policyFor(RiskTier.LOW), managerStage(), managerApproved())
                .when(new ApproveAccessRequest(REQUEST, GRANT))
                .expectEvents(new AccessRequestApproved(REQUEST, held, ALICE, HMI, NOW, NOW.plus(Duration.ofHours(4)), true));
        fixture.given(extension, policyFor(RiskTier.LOW), managerStage(), managerApproved(),
                        new AccessRequestApproved(REQUEST, held, ALICE, HMI, NOW, NOW.plus(Duration.ofHours(4)), true))
                .when(new ApproveAccessRequest(REQUEST, GRANT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();

        // revoked (or expired) while the extension waited: the approvers gave more time, not a new grant
        holdings.end("alice", "line-3-hmi");
        fixture.given(extension, policyFor(RiskTier.LOW), managerStage(), managerApproved())
                .when(new ApproveAccessRequest(REQUEST, GRANT))
                .expectEvents(new AccessRequestRejected(REQUEST, RejectionReason.GRANT_ENDED,
                        "grant 'g-0' ended before the extension was approved; a new request asks for the access again"));
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
    void aConflictIsFiledWithAnExceptionThatOtSecurityDecidesSigningInAfresh() {
        holdings.hold("alice", "plc-7-operate");
        EntitlementId historian = EntitlementId.of("historian-write");
        SodException exception = new SodException(OPERATE, "commissioning the historian needs the PLC's live values");
        fixture.givenNoPriorActivity()
                .when(new FileAccessRequest(REQUEST, ALICE, null, historian, "historian commissioning", null, Duration.ofDays(1), false,
                        null, null, exception.reason()))
                .expectEvents(new AccessRequested(REQUEST, ALICE, ALICE, historian, "historian commissioning", null, Duration.ofDays(1),
                                false, RiskTier.MEDIUM, null, null, exception),
                        new ApprovalPolicyApplied(REQUEST, new ApprovalPolicy(List.of(ApprovalStage.MANAGER, ApprovalStage.OT_SECURITY),
                                true, null, KnownPolicies.TABLE)));

        fixture.givenNoPriorActivity()
                .when(new FileAccessRequest(REQUEST, ALICE, null, HMI, "line change", null, null, false, null, null, "just in case"))
                .expectException(violation(InvalidRequestField.class, Kind.INVALID, "sodExceptionReason"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new FileAccessRequest(REQUEST, ALICE, null, historian, "line 3 is down", null, null, true, PASSWORD, null,
                        exception.reason()))
                .expectException(violation(InvalidRequestField.class, Kind.INVALID, "sodExceptionReason"))
                .expectNoEvents();
    }

    @Test
    void anApprovedExceptionAllowsItsOneConflictAndNoOther() {
        holdings.hold("alice", "plc-7-operate");
        EntitlementId historian = EntitlementId.of("historian-write");
        AccessRequested filed = new AccessRequested(REQUEST, ALICE, ALICE, historian, "historian commissioning", null, Duration.ofDays(1),
                false, RiskTier.MEDIUM, null, null, new SodException(OPERATE, "commissioning needs both"));
        fixture.given(filed, policyFor(RiskTier.MEDIUM), managerStage(), managerApproved())
                .when(new ApproveAccessRequest(REQUEST, GRANT))
                .expectEvents(new AccessRequestApproved(REQUEST, GRANT, ALICE, historian, NOW, NOW.plus(Duration.ofDays(1)), false, OPERATE));

        AccessRequested elsewhere = new AccessRequested(REQUEST, ALICE, ALICE, historian, "historian commissioning", null,
                Duration.ofDays(1), false, RiskTier.MEDIUM, null, null, new SodException(EntitlementId.of("plc-7-engineer"), "not this one"));
        fixture.given(elsewhere, policyFor(RiskTier.MEDIUM), managerStage(), managerApproved())
                .when(new ApproveAccessRequest(REQUEST, GRANT))
                .expectEvents(new AccessRequestRejected(REQUEST, RejectionReason.SOD_CONFLICT,
                        "'alice' holds 'plc-7-operate', which conflicts with 'historian-write'"));
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
                        Duration.ofHours(4), false, RiskTier.CRITICAL), policyFor(RiskTier.CRITICAL));
    }

    @Test
    void aRequestWithoutConflictsIsClear() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL))
                .when(new CheckSeparationOfDuties(REQUEST))
                .expectNoEvents()
                .expectResultMessagePayload(true);
    }

    @Test
    void aConflictingGrantThatAppearedSinceFilingRejectsTheRequest() {
        holdings.hold("alice", "plc-7-engineer");
        fixture.given(filed(), policyFor(RiskTier.CRITICAL))
                .when(new CheckSeparationOfDuties(REQUEST))
                .expectEvents(new AccessRequestRejected(REQUEST, RejectionReason.SOD_CONFLICT,
                        "'alice' holds 'plc-7-engineer', which conflicts with 'plc-7-operate'"))
                .expectResultMessagePayload(false);
    }

    @Test
    void aRequestThatEndedIsNotClear() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), new AccessRequestCancelled(REQUEST, ALICE))
                .when(new CheckSeparationOfDuties(REQUEST))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void theManagerStageGoesToTheBeneficiarysManager() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL))
                .when(open(0))
                .expectEvents(new ApprovalStageOpened(REQUEST, 0, ApprovalStage.MANAGER, Set.of(BOB), true, DECIDE_BY))
                .expectResultMessagePayload(new StageRouting(ApprovalStage.MANAGER, Set.of(BOB)));
    }

    @Test
    void theStageAndItsReauthenticationComeFromThePolicyAppliedAtFiling() {
        // a MEDIUM request: one MANAGER stage without re-authentication, whatever the site's table says today
        policies.always(KnownPolicies.of(RiskTier.CRITICAL));
        fixture.given(filedFor(HISTORIAN, HISTORIAN_WRITE, RiskTier.MEDIUM), policyFor(RiskTier.MEDIUM))
                .when(open(0))
                .expectEvents(new ApprovalStageOpened(REQUEST, 0, ApprovalStage.MANAGER, Set.of(BOB), false, DECIDE_BY));
    }

    @Test
    void nothingOutsideTheRequestAddsAStage() {
        fixture.given(filedFor(HISTORIAN, HISTORIAN_WRITE, RiskTier.MEDIUM), policyFor(RiskTier.MEDIUM), managerStage(),
                        managerApproved())
                .when(open(1))
                .expectException(violation(StageNotInPolicy.class, Kind.CONFLICT, "stageIndex"))
                .expectNoEvents();
    }

    @Test
    void theFiledRequestRecordsThePolicyThatChoseItsStages() {
        fixture.givenNoPriorActivity()
                .when(file(null, EntitlementId.of("plc-7-engineer"), null))
                .expectEvents(new AccessRequested(REQUEST, ALICE, ALICE, ENGINEER, "retrofit on line 3", "CHG-4711",
                                Duration.ofDays(1), false, RiskTier.HIGH),
                        new ApprovalPolicyApplied(REQUEST, new ApprovalPolicy(List.of(ApprovalStage.MANAGER,
                                ApprovalStage.RESOURCE_OWNER), false, null, KnownPolicies.TABLE)));
    }

    @Test
    void aPolicyWithoutStagesNeverGrants() {
        policies.always(new ApprovalPolicy(List.of(), false, null, KnownPolicies.TABLE));
        fixture.givenNoPriorActivity()
                .when(file(null, HMI, Duration.ofHours(1)))
                .expectEvents(new AccessRequested(REQUEST, ALICE, ALICE, HMI, "retrofit on line 3", "CHG-4711",
                                Duration.ofHours(1), false, RiskTier.LOW),
                        new ApprovalPolicyApplied(REQUEST, new ApprovalPolicy(List.of(), false, null, KnownPolicies.TABLE)),
                        new AccessRequestRejected(REQUEST, RejectionReason.NO_APPROVER, "the approval policy names no stage"
                                + " for LOW risk; nothing is granted without an approval"));
    }

    @Test
    void anExceptionNeverOpensAWayAroundATableThatNamesNoStage() {
        policies.always(new ApprovalPolicy(List.of(), false, null, KnownPolicies.TABLE));
        holdings.hold("alice", "plc-7-operate");
        EntitlementId historian = EntitlementId.of("historian-write");
        SodException exception = new SodException(OPERATE, "commissioning needs both");
        fixture.givenNoPriorActivity()
                .when(new FileAccessRequest(REQUEST, ALICE, null, historian, "historian commissioning", null, Duration.ofDays(1), false,
                        null, null, exception.reason()))
                .expectEvents(new AccessRequested(REQUEST, ALICE, ALICE, historian, "historian commissioning", null, Duration.ofDays(1),
                                false, RiskTier.MEDIUM, null, null, exception),
                        new ApprovalPolicyApplied(REQUEST, new ApprovalPolicy(List.of(), false, null, KnownPolicies.TABLE)),
                        new AccessRequestRejected(REQUEST, RejectionReason.NO_APPROVER, "the approval policy names no stage"
                                + " for MEDIUM risk; nothing is granted without an approval"));
    }

    @Test
    void theManagerStageOfAServiceAccountGoesToItsOwnersManager() {
        fixture.given(filedFor(HISTORIAN, HISTORIAN_WRITE, RiskTier.MEDIUM), policyFor(RiskTier.MEDIUM))
                .when(open(0))
                .expectEvents(new ApprovalStageOpened(REQUEST, 0, ApprovalStage.MANAGER, Set.of(BOB), false, DECIDE_BY))
                .expectResultMessagePayload(new StageRouting(ApprovalStage.MANAGER, Set.of(BOB)));
    }

    @Test
    void theManagerStageOfAServiceAccountFollowsItsCurrentOwner() {
        // the service account was handed to olga after alice filed the request
        identities.nonHuman("historian-svc", IdentityKind.SERVICE_ACCOUNT, "olga", IdentityStatus.ACTIVE);
        fixture.given(filedFor(HISTORIAN, HISTORIAN_WRITE, RiskTier.MEDIUM), policyFor(RiskTier.MEDIUM))
                .when(open(0))
                .expectEvents(new ApprovalStageOpened(REQUEST, 0, ApprovalStage.MANAGER, Set.of(ERIN), false, DECIDE_BY))
                .expectResultMessagePayload(new StageRouting(ApprovalStage.MANAGER, Set.of(ERIN)));
    }

    @Test
    void theResourceOwnerStageGoesToTheEntitlementsOwner() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), managerApproved())
                .when(open(1))
                .expectEvents(new ApprovalStageOpened(REQUEST, 1, ApprovalStage.RESOURCE_OWNER, Set.of(OLGA), true,
                        DECIDE_BY))
                .expectResultMessagePayload(new StageRouting(ApprovalStage.RESOURCE_OWNER, Set.of(OLGA)));
    }

    @Test
    void aStageThatWouldFallToTheRequesterGoesToTheirManager() {
        fixture.given(filedFor(ALICE, HMI, RiskTier.LOW), policyOf(ApprovalStage.RESOURCE_OWNER))
                .when(open(0))
                .expectEvents(new ApprovalStageOpened(REQUEST, 0, ApprovalStage.RESOURCE_OWNER, Set.of(BOB), false,
                        DECIDE_BY))
                .expectResultMessagePayload(new StageRouting(ApprovalStage.RESOURCE_OWNER, Set.of(BOB)));
    }

    @Test
    void fourEyesAManagerWhoOwnsTheEntitlementDecidesOneStageAndTheirManagerTheOther() {
        // bob is alice's manager and the owner of the HIGH entitlement: he decided stage 0, so stage 1 goes above him
        catalog.entry("plc-7-engineer", RiskTier.HIGH, "bob", Duration.ofDays(1));
        fixture.given(filedFor(ALICE, ENGINEER, RiskTier.HIGH), policyFor(RiskTier.HIGH), managerStage(), managerApproved())
                .when(open(1))
                .expectEvents(new ApprovalStageOpened(REQUEST, 1, ApprovalStage.RESOURCE_OWNER, Set.of(ERIN), false,
                        DECIDE_BY))
                .expectResultMessagePayload(new StageRouting(ApprovalStage.RESOURCE_OWNER, Set.of(ERIN)));
    }

    @Test
    void fourEyesOnePersonDecidesAtMostOneStage() {
        // even if a stage somehow listed someone who decided an earlier one, their second decision would not count
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), managerApproved(),
                        new ApprovalStageOpened(REQUEST, 1, ApprovalStage.RESOURCE_OWNER, Set.of(BOB, OLGA), false, DECIDE_BY))
                .when(decide(1, BOB, DecisionOutcome.APPROVE, false))
                .expectException(violation(SecondStageForSameApprover.class, Kind.FORBIDDEN, null))
                .expectNoEvents();
    }

    @Test
    void theOtSecurityStageGoesToEveryHolderOfTheRole() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), managerApproved(), ownerStage(), ownerApproved())
                .when(open(2))
                .expectEvents(new ApprovalStageOpened(REQUEST, 2, ApprovalStage.OT_SECURITY, Set.of(CAROL, DAVE), true,
                        DECIDE_BY))
                .expectResultMessagePayload(new StageRouting(ApprovalStage.OT_SECURITY, Set.of(CAROL, DAVE)));
    }

    @Test
    void anOtSecurityStageSkipsHoldersWhoDecidedAnEarlierStage() {
        roleHolders.hold(Role.OT_SECURITY, "olga");
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), managerApproved(), ownerStage(), ownerApproved())
                .when(open(2))
                .expectEvents(new ApprovalStageOpened(REQUEST, 2, ApprovalStage.OT_SECURITY, Set.of(CAROL, DAVE), true,
                        DECIDE_BY));
    }

    @Test
    void anOtSecurityStageGoesToTheOtherHoldersWhenTheRequesterHoldsTheRole() {
        roleHolders.hold(Role.OT_SECURITY, "alice");
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), managerApproved(), ownerStage(), ownerApproved())
                .when(open(2))
                .expectEvents(new ApprovalStageOpened(REQUEST, 2, ApprovalStage.OT_SECURITY, Set.of(CAROL, DAVE),
                        true, DECIDE_BY))
                .expectResultMessagePayload(new StageRouting(ApprovalStage.OT_SECURITY, Set.of(CAROL, DAVE)));
    }

    @Test
    void anOtSecurityStageGoesAboveTheRequestersManagerWhenTheRequesterIsTheOnlyHolder() {
        // bob, alice's manager, decided stage 0: four eyes send the stage to his manager
        roleHolders.only(Role.OT_SECURITY, "alice");
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), managerApproved(), ownerStage(), ownerApproved())
                .when(open(2))
                .expectEvents(new ApprovalStageOpened(REQUEST, 2, ApprovalStage.OT_SECURITY, Set.of(ERIN), true, DECIDE_BY))
                .expectResultMessagePayload(new StageRouting(ApprovalStage.OT_SECURITY, Set.of(ERIN)));
    }

    @Test
    void aStageNobodyButTheRequesterCouldDecideRejectsTheRequest() {
        // erin has no manager and owns the entitlement she asks for
        catalog.entry("line-3-hmi", RiskTier.LOW, "erin", Duration.ofHours(8));
        fixture.given(new AccessRequested(REQUEST, ERIN, ERIN, HMI, "commissioning", null, Duration.ofHours(8), false,
                        RiskTier.LOW), policyOf(ApprovalStage.RESOURCE_OWNER))
                .when(open(0))
                .expectEvents(new AccessRequestRejected(REQUEST, RejectionReason.NO_APPROVER, "nobody but the requester,"
                        + " the beneficiary or an earlier approver can decide stage RESOURCE_OWNER, and nobody above them could"))
                .expectResultMessagePayload(new StageRouting(ApprovalStage.RESOURCE_OWNER, Set.of()));
    }

    @Test
    void aPersonWithoutAManagerGetsNoApprover() {
        fixture.given(new AccessRequested(REQUEST, ERIN, ERIN, OPERATE, "audit", null, Duration.ofHours(8), false,
                        RiskTier.CRITICAL), policyFor(RiskTier.CRITICAL))
                .when(open(0))
                .expectEvents(new AccessRequestRejected(REQUEST, RejectionReason.NO_APPROVER, "nobody but the requester,"
                        + " the beneficiary or an earlier approver can decide stage MANAGER, and nobody above them could"))
                .expectResultMessagePayload(new StageRouting(ApprovalStage.MANAGER, Set.of()));
    }

    @Test
    void aStageWhoseApproverIsNoLongerActiveOpensWithTheirManager() {
        identities.add(new IdentityFacts(OLGA, IdentityKind.HUMAN, IdentityStatus.COMPROMISED, null, ERIN, null, Set.of()));
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), managerApproved())
                .when(open(1))
                .expectEvents(new ApprovalStageOpened(REQUEST, 1, ApprovalStage.RESOURCE_OWNER, Set.of(ERIN), true, DECIDE_BY));
    }

    @Test
    void anOwnerWhoLeftDecidesNothing() {
        catalog.entry("plc-7-operate", RiskTier.CRITICAL, "gone", Duration.ofDays(2));
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), managerApproved())
                .when(open(1))
                .expectEvents(new AccessRequestRejected(REQUEST, RejectionReason.NO_APPROVER, "nobody but the requester,"
                        + " the beneficiary or an earlier approver can decide stage RESOURCE_OWNER, and nobody above them could"))
                .expectResultMessagePayload(new StageRouting(ApprovalStage.RESOURCE_OWNER, Set.of()));
    }

    @Test
    void openingAStageAgainAnswersItsRoutingWithoutOpeningItTwice() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage())
                .when(open(0))
                .expectNoEvents()
                .expectResultMessagePayload(new StageRouting(ApprovalStage.MANAGER, Set.of(BOB)));
    }

    @Test
    void stagesOpenInOrder() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL))
                .when(open(1))
                .expectException(violation(StageOutOfOrder.class, Kind.CONFLICT, "stageIndex"))
                .expectNoEvents();
    }

    @Test
    void aStageOpensOnlyOnceThePreviousOneIsDecided() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage())
                .when(open(1))
                .expectException(StageOutOfOrder.class)
                .expectNoEvents();
    }

    @Test
    void noStageOpensOnARequestThatEnded() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), new AccessRequestCancelled(REQUEST, ALICE))
                .when(open(0))
                .expectException(violation(RequestNotPending.class, Kind.CONFLICT, null))
                .expectNoEvents();
    }

    @Test
    void anApproverApprovesTheirStage() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage())
                .when(new RecordApprovalDecision(REQUEST, 0, BOB, DecisionOutcome.APPROVE, " fine for the retrofit ",
                        DecisionChannel.EMAIL_LINK, "192.0.2.10", LINK))
                .expectEvents(new ApprovalDecisionRecorded(REQUEST, 0, ApprovalStage.MANAGER, BOB, DecisionOutcome.APPROVE,
                        "fine for the retrofit", DecisionChannel.EMAIL_LINK, "192.0.2.10", LINK, false, NOW));
    }

    @Test
    void aRejectionEndsTheRequest() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage())
                .when(new RecordApprovalDecision(REQUEST, 0, BOB, DecisionOutcome.REJECT, null, DecisionChannel.WEB,
                        "192.0.2.10", LINK))
                .expectEvents(new ApprovalDecisionRecorded(REQUEST, 0, ApprovalStage.MANAGER, BOB, DecisionOutcome.REJECT,
                                null, DecisionChannel.WEB, "192.0.2.10", LINK, false, NOW),
                        new AccessRequestRejected(REQUEST, RejectionReason.APPROVER_REJECTED,
                                "rejected by bob at stage MANAGER"));
    }

    @Test
    void anApproverCannotApproveTheirOwnRequest() {
        // even if a stage somehow listed the requester, their decision would not count
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), new ApprovalStageOpened(REQUEST, 0, ApprovalStage.OT_SECURITY, Set.of(ALICE, CAROL),
                        false, DECIDE_BY))
                .when(decide(0, ALICE, DecisionOutcome.APPROVE, false))
                .expectException(violation(SelfApprovalForbidden.class, Kind.FORBIDDEN, null))
                .expectNoEvents();
    }

    @Test
    void theOwnerOfAServiceAccountCannotApproveItsAccess() {
        fixture.given(filedFor(HISTORIAN, HISTORIAN_WRITE, RiskTier.MEDIUM), policyFor(RiskTier.MEDIUM),
                        new ApprovalStageOpened(REQUEST, 0, ApprovalStage.MANAGER, Set.of(BOB), false, DECIDE_BY))
                .when(decide(0, ALICE, DecisionOutcome.APPROVE, false))
                .expectException(SelfApprovalForbidden.class);
    }

    @Test
    void onlyTheStagesApproversDecide() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage())
                .when(decide(0, MALLORY, DecisionOutcome.APPROVE, false))
                .expectException(violation(NotAnApprover.class, Kind.FORBIDDEN, null))
                .expectNoEvents();
    }

    @Test
    void anEscalatedStageIsDecidedByItsNewApprovers() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), new ApprovalStageEscalated(REQUEST, 0, Set.of(ERIN), Set.of(BOB)))
                .when(decide(0, BOB, DecisionOutcome.APPROVE, false))
                .expectException(NotAnApprover.class);
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), new ApprovalStageEscalated(REQUEST, 0, Set.of(ERIN), Set.of(BOB)))
                .when(decide(0, ERIN, DecisionOutcome.APPROVE, false))
                .expectEvents(new ApprovalDecisionRecorded(REQUEST, 0, ApprovalStage.MANAGER, ERIN, DecisionOutcome.APPROVE,
                        null, DecisionChannel.EMAIL_LINK, "192.0.2.10", LINK, false, NOW));
    }

    @Test
    void aSecondClickIsAnsweredNotApplied() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), managerApproved())
                .when(decide(0, BOB, DecisionOutcome.APPROVE, false))
                .expectException(violation(DecisionAlreadyRecorded.class, Kind.CONFLICT, null))
                .expectNoEvents();
    }

    @Test
    void aSecondClickAfterARejectionIsAnsweredNotApplied() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), managerDecided(DecisionOutcome.REJECT),
                        new AccessRequestRejected(REQUEST, RejectionReason.APPROVER_REJECTED, "rejected by bob at stage MANAGER"))
                .when(decide(0, BOB, DecisionOutcome.REJECT, false))
                .expectException(DecisionAlreadyRecorded.class)
                .expectNoEvents();
    }

    @Test
    void aLateDecisionIsRefused() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), new AccessRequestTimedOut(REQUEST))
                .when(decide(0, BOB, DecisionOutcome.APPROVE, false))
                .expectException(violation(RequestNotPending.class, Kind.CONFLICT, null))
                .expectNoEvents();
    }

    @Test
    void aStageThatWasNeverOpenedCannotBeDecided() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage())
                .when(decide(1, OLGA, DecisionOutcome.APPROVE, false))
                .expectException(violation(StageNotFound.class, Kind.NOT_FOUND, null));
    }

    @Test
    void aStageThatAsksForReauthenticationCountsOnlyAfterSigningInAgain() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), managerApproved(), ownerStage(), ownerApproved(), otSecurityStage())
                .when(decide(2, CAROL, DecisionOutcome.APPROVE, false))
                .expectException(violation(ReauthenticationRequired.class, Kind.FORBIDDEN, null))
                .expectNoEvents();
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), managerApproved(), ownerStage(), ownerApproved(), otSecurityStage())
                .when(decide(2, CAROL, DecisionOutcome.APPROVE, true))
                .expectEvents(new ApprovalDecisionRecorded(REQUEST, 2, ApprovalStage.OT_SECURITY, CAROL,
                        DecisionOutcome.APPROVE, null, DecisionChannel.EMAIL_LINK, "192.0.2.10", PASSWORD, true, NOW));
    }

    @Test
    void aCommentHasAtMost2000Characters() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage())
                .when(new RecordApprovalDecision(REQUEST, 0, BOB, DecisionOutcome.APPROVE, "c".repeat(2001),
                        DecisionChannel.WEB, null, LINK))
                .expectException(violation(InvalidRequestField.class, Kind.INVALID, "comment"));
    }

    @Test
    void aDecisionNeedsAnOutcome() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage())
                .when(new RecordApprovalDecision(REQUEST, 0, BOB, null, null, DecisionChannel.WEB, null, LINK))
                .expectException(violation(InvalidRequestField.class, Kind.INVALID, "outcome"));
    }

    @Test
    void anUnansweredStageMovesToTheApproversManagers() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage())
                .when(new EscalateApprovalStage(REQUEST, 0))
                .expectEvents(new ApprovalStageEscalated(REQUEST, 0, Set.of(ERIN), Set.of(BOB)))
                .expectResultMessagePayload(new StageRouting(ApprovalStage.MANAGER, Set.of(ERIN)));
    }

    @Test
    void escalationNeverReachesTheRequesterNorAnEarlierApprover() {
        // dave reports to alice, who filed the request, and she to bob, who decided stage 0: carol's manager takes it
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), managerApproved(), ownerStage(), ownerApproved(),
                        otSecurityStage())
                .when(new EscalateApprovalStage(REQUEST, 2))
                .expectEvents(new ApprovalStageEscalated(REQUEST, 2, Set.of(ERIN), Set.of(CAROL, DAVE)))
                .expectResultMessagePayload(new StageRouting(ApprovalStage.OT_SECURITY, Set.of(ERIN)));
    }

    @Test
    void aStageWithNobodyAboveStaysWhereItIs() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(),
                        new ApprovalStageEscalated(REQUEST, 0, Set.of(ERIN), Set.of(BOB)))
                .when(new EscalateApprovalStage(REQUEST, 0))
                .expectNoEvents()
                .expectResultMessagePayload(new StageRouting(ApprovalStage.MANAGER, Set.of(ERIN)));
    }

    @Test
    void aDecidedStageIsNotEscalated() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), managerApproved())
                .when(new EscalateApprovalStage(REQUEST, 0))
                .expectNoEvents()
                .expectResultMessagePayload(new StageRouting(ApprovalStage.MANAGER, Set.of(BOB)));
    }

    @Test
    void aRequestThatEndedIsNotEscalated() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), new AccessRequestCancelled(REQUEST, ALICE))
                .when(new EscalateApprovalStage(REQUEST, 0))
                .expectNoEvents()
                .expectResultMessagePayload(new StageRouting(ApprovalStage.MANAGER, Set.of(BOB)));
    }

    @Test
    void anApproverWhoWasCompromisedDecidesNothing() {
        identities.add(new IdentityFacts(BOB, IdentityKind.HUMAN, IdentityStatus.COMPROMISED, "bob@plant.example", ERIN, null,
                Set.of()));
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage())
                .when(decide(0, BOB, DecisionOutcome.APPROVE, true))
                .expectException(violation(ApproverNotActive.class, Kind.FORBIDDEN, null))
                .expectNoEvents();
    }

    @Test
    void aCompromisedApproversStageMovesToTheirManager() {
        identities.add(new IdentityFacts(BOB, IdentityKind.HUMAN, IdentityStatus.COMPROMISED, "bob@plant.example", ERIN, null,
                Set.of()));
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage())
                .when(new ReassignApprovalStage(REQUEST, 0, BOB))
                .expectEvents(new ApprovalStageReassigned(REQUEST, 0, BOB, Set.of(ERIN), Set.of(BOB)))
                .expectResultMessagePayload(new StageRouting(ApprovalStage.MANAGER, Set.of(ERIN)));
    }

    @Test
    void aDepartedOtSecurityHoldersStageStaysWithTheOtherHolders() {
        identities.add(new IdentityFacts(CAROL, IdentityKind.HUMAN, IdentityStatus.DEPARTED, null, ERIN, null, Set.of()));
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), managerApproved(), ownerStage(), ownerApproved(),
                        otSecurityStage())
                .when(new ReassignApprovalStage(REQUEST, 2, CAROL))
                .expectEvents(new ApprovalStageReassigned(REQUEST, 2, CAROL, Set.of(DAVE), Set.of(CAROL, DAVE)));
    }

    @Test
    void anActiveApproversStageIsNotReassigned() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage())
                .when(new ReassignApprovalStage(REQUEST, 0, BOB))
                .expectNoEvents()
                .expectResultMessagePayload(new StageRouting(ApprovalStage.MANAGER, Set.of(BOB)));
    }

    @Test
    void aStageWhoseApproverLeftWithNobodyAboveRejectsTheRequest() {
        identities.add(new IdentityFacts(ERIN, IdentityKind.HUMAN, IdentityStatus.SUSPENDED, null, null, null, Set.of()));
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(),
                        new ApprovalStageEscalated(REQUEST, 0, Set.of(ERIN), Set.of(BOB)))
                .when(new ReassignApprovalStage(REQUEST, 0, ERIN))
                .expectEvents(new AccessRequestRejected(REQUEST, RejectionReason.NO_APPROVER, "'erin' is no longer active and"
                        + " nobody above them may decide stage MANAGER"));
    }

    @Test
    void aReassignedStageIsDecidedByItsNewApprover() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(),
                        new ApprovalStageReassigned(REQUEST, 0, BOB, Set.of(ERIN), Set.of(BOB)))
                .when(decide(0, ERIN, DecisionOutcome.APPROVE, true))
                .expectEvents(new ApprovalDecisionRecorded(REQUEST, 0, ApprovalStage.MANAGER, ERIN, DecisionOutcome.APPROVE,
                        null, DecisionChannel.EMAIL_LINK, "192.0.2.10", PASSWORD, true, NOW));
    }

    @Test
    void aSignInOlderThanTheMaximumAgeIsNotReauthentication() {
        DecisionAuthentication tenMinutesOld = new DecisionAuthentication(DecisionAuthentication.Method.SESSION,
                NOW.minus(Duration.ofMinutes(10)));
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), managerApproved(), ownerStage(), ownerApproved(),
                        otSecurityStage())
                .when(new RecordApprovalDecision(REQUEST, 2, CAROL, DecisionOutcome.APPROVE, null, DecisionChannel.EMAIL_LINK,
                        "192.0.2.10", tenMinutesOld))
                .expectException(ReauthenticationRequired.class)
                .expectNoEvents();
    }

    @Test
    void aRecentSignInIsReauthenticationAndIsRecorded() {
        DecisionAuthentication twoMinutesOld = new DecisionAuthentication(DecisionAuthentication.Method.OIDC,
                NOW.minus(Duration.ofMinutes(2)));
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), managerApproved(), ownerStage(), ownerApproved(),
                        otSecurityStage())
                .when(new RecordApprovalDecision(REQUEST, 2, CAROL, DecisionOutcome.APPROVE, null, DecisionChannel.API,
                        "192.0.2.10", twoMinutesOld))
                .expectEvents(new ApprovalDecisionRecorded(REQUEST, 2, ApprovalStage.OT_SECURITY, CAROL, DecisionOutcome.APPROVE,
                        null, DecisionChannel.API, "192.0.2.10", twoMinutesOld, true, NOW));
    }

    @Test
    void anApiTokenIsNeverReauthentication() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), managerApproved(), ownerStage(), ownerApproved(),
                        otSecurityStage())
                .when(new RecordApprovalDecision(REQUEST, 2, CAROL, DecisionOutcome.APPROVE, null, DecisionChannel.API,
                        "192.0.2.10", new DecisionAuthentication(DecisionAuthentication.Method.API_TOKEN, NOW)))
                .expectException(ReauthenticationRequired.class);
    }

    @Test
    void aRequestApprovedAtEveryStageRunsForItsDuration() {
        fixture.given(filedFor(ALICE, HMI, RiskTier.LOW), policyFor(RiskTier.LOW), managerStage(), managerApproved())
                .when(new ApproveAccessRequest(REQUEST, GRANT))
                .expectEvents(new AccessRequestApproved(REQUEST, GRANT, ALICE, HMI, NOW, NOW.plus(Duration.ofHours(8))))
                .expectResultMessagePayload(new ApprovalResult(
                        new AccessRequestApproved(REQUEST, GRANT, ALICE, HMI, NOW, NOW.plus(Duration.ofHours(8))), null));
    }

    @Test
    void theGrantIsCappedByThePolicysLongestGrant() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), managerApproved(), ownerStage(), ownerApproved(),
                        otSecurityStage(), otSecurityApproved())
                .when(new ApproveAccessRequest(REQUEST, GRANT))
                .expectEvents(new AccessRequestApproved(REQUEST, GRANT, ALICE, OPERATE, NOW, NOW.plus(Duration.ofHours(8))));
    }

    @Test
    void aShorterRequestedDurationIsKept() {
        fixture.given(new AccessRequested(REQUEST, ALICE, ALICE, OPERATE, "retrofit on line 3", "CHG-4711",
                        Duration.ofHours(4), false, RiskTier.CRITICAL), policyFor(RiskTier.CRITICAL), managerStage(),
                        managerApproved(), ownerStage(), ownerApproved(), otSecurityStage(), otSecurityApproved())
                .when(new ApproveAccessRequest(REQUEST, GRANT))
                .expectEvents(new AccessRequestApproved(REQUEST, GRANT, ALICE, OPERATE, NOW, NOW.plus(Duration.ofHours(4))));
    }

    @Test
    void theGrantIsCappedByTheEntitlementsMaximumAsItIsToday() {
        EntitlementFacts hmi = catalog.find(HMI).orElseThrow();
        catalog.add(new EntitlementFacts(HMI, hmi.resource(), hmi.zone(), hmi.level(), hmi.risk(), hmi.ownerId(),
                Duration.ofHours(2), hmi.sodConflicts(), false));
        fixture.given(filedFor(ALICE, HMI, RiskTier.LOW), policyFor(RiskTier.LOW), managerStage(), managerApproved())
                .when(new ApproveAccessRequest(REQUEST, GRANT))
                .expectEvents(new AccessRequestApproved(REQUEST, GRANT, ALICE, HMI, NOW, NOW.plus(Duration.ofHours(2))));
    }

    @Test
    void aRequestWithAnUndecidedStageIsNotApproved() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), managerApproved(), ownerStage())
                .when(new ApproveAccessRequest(REQUEST, GRANT))
                .expectException(violation(ApprovalIncomplete.class, Kind.CONFLICT, null))
                .expectNoEvents();
    }

    @Test
    void nothingOutsideTheRequestDropsAStage() {
        // the manager approved, but the policy applied at filing asks for three stages
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), managerApproved())
                .when(new ApproveAccessRequest(REQUEST, GRANT))
                .expectException(ApprovalIncomplete.class)
                .expectNoEvents();
    }

    @Test
    void aRequestNobodyApprovedIsNotApproved() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL))
                .when(new ApproveAccessRequest(REQUEST, GRANT))
                .expectException(ApprovalIncomplete.class);
    }

    @Test
    void aConflictThatAppearedDuringApprovalRejectsTheRequestWithItsReason() {
        holdings.hold("alice", "plc-7-operate");
        fixture.given(filedFor(ALICE, HISTORIAN_WRITE, RiskTier.MEDIUM), policyFor(RiskTier.MEDIUM), managerStage(),
                        managerApproved())
                .when(new ApproveAccessRequest(REQUEST, GRANT))
                .expectEvents(new AccessRequestRejected(REQUEST, RejectionReason.SOD_CONFLICT,
                        "'alice' holds 'plc-7-operate', which conflicts with 'historian-write'"))
                .expectResultMessagePayload(new ApprovalResult(null, RejectionReason.SOD_CONFLICT));
    }

    @Test
    void anEntitlementRetiredDuringApprovalRejectsTheRequest() {
        catalog.retire("line-3-hmi");
        fixture.given(filedFor(ALICE, HMI, RiskTier.LOW), policyFor(RiskTier.LOW), managerStage(), managerApproved())
                .when(new ApproveAccessRequest(REQUEST, GRANT))
                .expectEvents(new AccessRequestRejected(REQUEST, RejectionReason.ENTITLEMENT_RETIRED,
                        "'line-3-hmi' was retired before the grant"));
    }

    @Test
    void aBeneficiarySuspendedDuringApprovalRejectsTheRequest() {
        identities.nonHuman("historian-svc", IdentityKind.SERVICE_ACCOUNT, "alice", IdentityStatus.SUSPENDED);
        fixture.given(filedFor(HISTORIAN, HISTORIAN_WRITE, RiskTier.MEDIUM), policyFor(RiskTier.MEDIUM), managerStage(),
                        managerApproved())
                .when(new ApproveAccessRequest(REQUEST, GRANT))
                .expectEvents(new AccessRequestRejected(REQUEST, RejectionReason.BENEFICIARY_INACTIVE,
                        "'historian-svc' is SUSPENDED and may not be granted access"));
    }

    @Test
    void aGrantRefusedAfterApprovalRejectsTheApprovedRequest() {
        fixture.given(filedFor(ALICE, HMI, RiskTier.LOW), policyFor(RiskTier.LOW), managerStage(), managerApproved(),
                        new AccessRequestApproved(REQUEST, GRANT, ALICE, HMI, NOW, NOW.plus(Duration.ofHours(8))))
                .when(new RejectApprovedRequest(REQUEST, RejectionReason.SOD_CONFLICT, "a conflicting grant started first"))
                .expectEvents(new AccessRequestRejected(REQUEST, RejectionReason.SOD_CONFLICT, "a conflicting grant started first"));
    }

    @Test
    void onlyAnApprovedRequestIsRejectedForItsGrant() {
        fixture.given(filedFor(ALICE, HMI, RiskTier.LOW), policyFor(RiskTier.LOW), managerStage())
                .when(new RejectApprovedRequest(REQUEST, RejectionReason.SOD_CONFLICT, "too early"))
                .expectException(RequestNotPending.class)
                .expectNoEvents();
    }

    @Test
    void approvingAgainForTheSameGrantChangesNothing() {
        fixture.given(filedFor(ALICE, HMI, RiskTier.LOW), policyFor(RiskTier.LOW), managerStage(), managerApproved(),
                        new AccessRequestApproved(REQUEST, GRANT, ALICE, HMI, NOW, NOW.plus(Duration.ofDays(1))))
                .when(new ApproveAccessRequest(REQUEST, GRANT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anApprovedRequestStartsNoSecondGrant() {
        fixture.given(filedFor(ALICE, HMI, RiskTier.LOW), policyFor(RiskTier.LOW), managerStage(), managerApproved(),
                        new AccessRequestApproved(REQUEST, GRANT, ALICE, HMI, NOW, NOW.plus(Duration.ofDays(1))))
                .when(new ApproveAccessRequest(REQUEST, GrantId.of("g-2")))
                .expectException(RequestNotPending.class)
                .expectNoEvents();
    }

    @Test
    void aRejectedRequestIsNotApproved() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), managerDecided(DecisionOutcome.REJECT),
                        new AccessRequestRejected(REQUEST, RejectionReason.APPROVER_REJECTED, "rejected by bob at stage MANAGER"))
                .when(new ApproveAccessRequest(REQUEST, GRANT))
                .expectException(RequestNotPending.class);
    }

    @Test
    void theRequesterCancelsTheirPendingRequest() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage())
                .when(new CancelAccessRequest(REQUEST, ALICE, false))
                .expectEvents(new AccessRequestCancelled(REQUEST, ALICE));
    }

    @Test
    void anAdministratorCancelsForTheRequester() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL))
                .when(new CancelAccessRequest(REQUEST, ERIN, true))
                .expectEvents(new AccessRequestCancelled(REQUEST, ERIN));
    }

    @Test
    void aStrangerCannotCancelARequest() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL))
                .when(new CancelAccessRequest(REQUEST, MALLORY, false))
                .expectException(violation(NotYourRequest.class, Kind.FORBIDDEN, null))
                .expectNoEvents();
    }

    @Test
    void aRequestThatEndedCannotBeCancelled() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage(), managerApproved(),
                        new AccessRequestApproved(REQUEST, GRANT, ALICE, OPERATE, NOW, NOW.plus(Duration.ofDays(1))))
                .when(new CancelAccessRequest(REQUEST, ALICE, false))
                .expectException(RequestNotPending.class)
                .expectNoEvents();
    }

    @Test
    void anUnansweredRequestTimesOut() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), managerStage())
                .when(new TimeOutAccessRequest(REQUEST))
                .expectEvents(new AccessRequestTimedOut(REQUEST));
    }

    @Test
    void aTimeOutAfterTheRequestEndedChangesNothing() {
        fixture.given(filed(), policyFor(RiskTier.CRITICAL), new AccessRequestCancelled(REQUEST, ALICE))
                .when(new TimeOutAccessRequest(REQUEST))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static FileAccessRequest file(IdentityId beneficiary, EntitlementId entitlement, Duration duration) {
        return new FileAccessRequest(REQUEST, ALICE, beneficiary, entitlement, "retrofit on line 3", "CHG-4711", duration, false);
    }

    /** Alice needs PLC-7 now: line 3 is down. */
    private static FileAccessRequest emergency() {
        return emergencyWith(PASSWORD);
    }

    private static FileAccessRequest emergencyWith(DecisionAuthentication authentication) {
        return new FileAccessRequest(REQUEST, ALICE, null, OPERATE, "line 3 is down", "INC-17", null, true, authentication);
    }

    private static AccessRequested emergencyFiled() {
        return new AccessRequested(REQUEST, ALICE, ALICE, OPERATE, "line 3 is down", "INC-17", Duration.ofDays(2), true,
                RiskTier.CRITICAL, PASSWORD);
    }

    private static ApprovalPolicyApplied emergencyPolicy() {
        ApprovalPolicy emergency = KnownPolicies.EMERGENCY;
        return new ApprovalPolicyApplied(REQUEST, new ApprovalPolicy(emergency.stages(), true, emergency.longestGrant(),
                emergency.decisionTable(), true));
    }

    private static AccessRequestApproved emergencyApproved() {
        return new AccessRequestApproved(REQUEST, GRANT, ALICE, OPERATE, NOW, NOW.plus(Duration.ofHours(4)));
    }

    private static ApprovalStageOpened emergencyOwnerReview() {
        return new ApprovalStageOpened(REQUEST, 0, ApprovalStage.RESOURCE_OWNER, Set.of(OLGA), true, DECIDE_BY);
    }

    private static OpenApprovalStage open(int index) {
        return new OpenApprovalStage(REQUEST, index, DECIDE_BY);
    }

    private static RecordApprovalDecision decide(int index, IdentityId approver, DecisionOutcome outcome, boolean withPassword) {
        return new RecordApprovalDecision(REQUEST, index, approver, outcome, null, DecisionChannel.EMAIL_LINK, "192.0.2.10",
                withPassword ? DecisionAuthentication.passwordAt(NOW) : LINK);
    }

    private static ApprovalPolicyApplied policyFor(RiskTier risk) {
        return new ApprovalPolicyApplied(REQUEST, KnownPolicies.of(risk));
    }

    /** A site's own table, which names these stages for the request. */
    private static ApprovalPolicyApplied policyOf(ApprovalStage... stages) {
        return new ApprovalPolicyApplied(REQUEST, new ApprovalPolicy(List.of(stages), false, null, KnownPolicies.TABLE));
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
                "192.0.2.10", LINK, false, NOW);
    }

    private static ApprovalStageOpened ownerStage() {
        return new ApprovalStageOpened(REQUEST, 1, ApprovalStage.RESOURCE_OWNER, Set.of(OLGA), false, DECIDE_BY);
    }

    private static ApprovalDecisionRecorded ownerApproved() {
        return new ApprovalDecisionRecorded(REQUEST, 1, ApprovalStage.RESOURCE_OWNER, OLGA, DecisionOutcome.APPROVE, null,
                DecisionChannel.WEB, "192.0.2.11", LINK, false, NOW);
    }

    private static ApprovalStageOpened otSecurityStage() {
        return new ApprovalStageOpened(REQUEST, 2, ApprovalStage.OT_SECURITY, Set.of(CAROL, DAVE), true, DECIDE_BY);
    }

    private static ApprovalDecisionRecorded otSecurityApproved() {
        return new ApprovalDecisionRecorded(REQUEST, 2, ApprovalStage.OT_SECURITY, CAROL, DecisionOutcome.APPROVE, null,
                DecisionChannel.EMAIL_LINK, "192.0.2.12", PASSWORD, true, NOW);
    }
}
