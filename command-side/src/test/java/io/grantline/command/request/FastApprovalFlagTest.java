package io.grantline.command.request;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.AccessRequestRejected;
import io.grantline.api.request.AccessRequested;
import io.grantline.api.request.ApprovalDecisionFlagged;
import io.grantline.api.request.ApprovalDecisionRecorded;
import io.grantline.api.request.ApprovalPolicyApplied;
import io.grantline.api.request.ApprovalStage;
import io.grantline.api.request.ApprovalStageEscalated;
import io.grantline.api.request.ApprovalStageOpened;
import io.grantline.api.request.DecisionAuthentication;
import io.grantline.api.request.DecisionChannel;
import io.grantline.api.request.DecisionFlag;
import io.grantline.api.request.DecisionOutcome;
import io.grantline.api.request.RecordApprovalDecision;
import io.grantline.api.request.RejectionReason;
import io.grantline.command.identity.KnownIdentities;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An approval given sooner after the approver was asked than {@code grantline.flags.fast-approval-within} is flagged on
 * the request's stream: the decision stands, and an auditor sees it was a rubber stamp or a script.
 */
class FastApprovalFlagTest {

    private static final Instant ASKED = Instant.parse("2026-03-14T02:00:00Z");
    private static final AccessRequestId REQUEST = AccessRequestId.of("r-1");
    private static final IdentityId ALICE = IdentityId.of("alice");
    private static final IdentityId BOB = IdentityId.of("bob");
    private static final IdentityId ERIN = IdentityId.of("erin");
    private static final EntitlementId HMI = EntitlementId.of("line-3-hmi");

    private FixtureConfiguration<AccessRequest> fixture;
    private final MovableClock clock = new MovableClock(ASKED);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccessRequest.class);
        fixture.registerInjectableResource(new KnownIdentities().personReportingTo("alice", "bob").personReportingTo("bob", "erin")
                .person("erin"));
        fixture.registerInjectableResource(new RequestPolicy(Duration.ofMinutes(15), Duration.ofMinutes(5), BreakGlassAllowance.DEFAULT,
                Duration.ofSeconds(10)));
        fixture.registerInjectableResource(clock);
    }

    @Test
    void anApprovalThreeSecondsAfterTheApproverWasAskedIsFlagged() {
        clock.set(ASKED.plusSeconds(3));
        fixture.givenCurrentTime(ASKED).andGiven(filed(), policy(), managerStage())
                .when(decide(BOB, DecisionOutcome.APPROVE))
                .expectEvents(decided(BOB, DecisionOutcome.APPROVE),
                        new ApprovalDecisionFlagged(REQUEST, 0, BOB, DecisionFlag.FAST_APPROVAL, Duration.ofSeconds(3)));
    }

    @Test
    void anApprovalAfterTheApproverHadTimeToReadIsNotFlagged() {
        clock.set(ASKED.plusSeconds(10));
        fixture.givenCurrentTime(ASKED).andGiven(filed(), policy(), managerStage())
                .when(decide(BOB, DecisionOutcome.APPROVE))
                .expectEvents(decided(BOB, DecisionOutcome.APPROVE));
    }

    @Test
    void aQuickRejectionIsNotFlagged() {
        clock.set(ASKED.plusSeconds(2));
        fixture.givenCurrentTime(ASKED).andGiven(filed(), policy(), managerStage())
                .when(decide(BOB, DecisionOutcome.REJECT))
                .expectEvents(decided(BOB, DecisionOutcome.REJECT), new AccessRequestRejected(REQUEST, RejectionReason.APPROVER_REJECTED,
                        "rejected by bob at stage MANAGER"));
    }

    @Test
    void anEscalatedStageCountsFromWhenTheNewApproverWasAsked() {
        clock.set(ASKED.plus(Duration.ofDays(3)).plusSeconds(4));
        fixture.givenCurrentTime(ASKED).andGiven(filed(), policy(), managerStage())
                .andGivenCurrentTime(ASKED.plus(Duration.ofDays(3)))
                .andGiven(new ApprovalStageEscalated(REQUEST, 0, Set.of(ERIN), Set.of(BOB)))
                .when(decide(ERIN, DecisionOutcome.APPROVE))
                .expectEvents(decided(ERIN, DecisionOutcome.APPROVE),
                        new ApprovalDecisionFlagged(REQUEST, 0, ERIN, DecisionFlag.FAST_APPROVAL, Duration.ofSeconds(4)));
    }

    private static AccessRequested filed() {
        return new AccessRequested(REQUEST, ALICE, ALICE, HMI, "retrofit on line 3", null, Duration.ofHours(1), false, RiskTier.LOW);
    }

    private static ApprovalPolicyApplied policy() {
        return new ApprovalPolicyApplied(REQUEST, KnownPolicies.of(RiskTier.LOW));
    }

    private static ApprovalStageOpened managerStage() {
        return new ApprovalStageOpened(REQUEST, 0, ApprovalStage.MANAGER, Set.of(BOB), false, ASKED.plus(Duration.ofDays(7)));
    }

    private static RecordApprovalDecision decide(IdentityId approver, DecisionOutcome outcome) {
        return new RecordApprovalDecision(REQUEST, 0, approver, outcome, null, DecisionChannel.EMAIL_LINK, "192.0.2.10",
                DecisionAuthentication.linkOnly());
    }

    private ApprovalDecisionRecorded decided(IdentityId approver, DecisionOutcome outcome) {
        return new ApprovalDecisionRecorded(REQUEST, 0, ApprovalStage.MANAGER, approver, outcome, null, DecisionChannel.EMAIL_LINK,
                "192.0.2.10", DecisionAuthentication.linkOnly(), false, clock.instant());
    }
}
