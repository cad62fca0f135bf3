package io.grantline.command.campaign;

import static io.grantline.command.common.Violations.violation;

import io.grantline.api.campaign.CampaignId;
import io.grantline.api.campaign.CloseReview;
import io.grantline.api.campaign.DelegateReview;
import io.grantline.api.campaign.EscalateReview;
import io.grantline.api.campaign.NoDecisionPolicy;
import io.grantline.api.campaign.ReassignmentReason;
import io.grantline.api.campaign.RecordReviewDecision;
import io.grantline.api.campaign.ReviewClosed;
import io.grantline.api.campaign.ReviewDecisionRecorded;
import io.grantline.api.campaign.ReviewDelegated;
import io.grantline.api.campaign.ReviewEscalated;
import io.grantline.api.campaign.ReviewId;
import io.grantline.api.campaign.ReviewItem;
import io.grantline.api.campaign.ReviewItemId;
import io.grantline.api.campaign.ReviewOpened;
import io.grantline.api.campaign.ReviewOutcome;
import io.grantline.api.common.RuleViolation.Kind;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.api.request.DecisionAuthentication;
import io.grantline.api.request.DecisionChannel;
import io.grantline.command.campaign.CampaignRuleViolation.ItemDecidedAlready;
import io.grantline.command.campaign.CampaignRuleViolation.NotYourReview;
import io.grantline.command.campaign.CampaignRuleViolation.OwnGrantReviewForbidden;
import io.grantline.command.campaign.CampaignRuleViolation.ReviewItemNotFound;
import io.grantline.command.campaign.CampaignRuleViolation.ReviewNotOpen;
import io.grantline.command.campaign.CampaignRuleViolation.ReviewerNotActive;
import io.grantline.command.campaign.CampaignRuleViolation.SignInRequired;
import io.grantline.command.identity.IdentityRuleViolation.NotAnActiveHuman;
import io.grantline.command.identity.KnownIdentities;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReviewTest {

    private static final Instant NOW = Instant.parse("2026-04-03T09:00:00Z");
    private static final DecisionAuthentication SESSION =
            new DecisionAuthentication(DecisionAuthentication.Method.SESSION, NOW.minusSeconds(600));
    private static final Instant DUE = NOW.plus(Duration.ofDays(10));
    private static final CampaignId CAMPAIGN = CampaignId.of("2026-q2");
    private static final ReviewId REVIEW = ReviewId.of(CAMPAIGN, 0);
    private static final IdentityId OLGA = IdentityId.of("olga");
    private static final IdentityId BOB = IdentityId.of("bob");
    private static final ReviewItemId ALICES = ReviewItemId.of(REVIEW, 0);
    private static final ReviewItemId BOBS = ReviewItemId.of(REVIEW, 1);
    private static final ReviewItemId CRITICAL = ReviewItemId.of(REVIEW, 2);
    private static final ReviewOpened OPENED = new ReviewOpened(CAMPAIGN, REVIEW, OLGA, DUE, NoDecisionPolicy.REVOKE, List.of(
            new ReviewItem(ALICES, GrantId.of("g-alice"), IdentityId.of("alice"), EntitlementId.of("hmi-view"), RiskTier.LOW),
            new ReviewItem(BOBS, GrantId.of("g-bob"), BOB, EntitlementId.of("hmi-view"), RiskTier.MEDIUM),
            new ReviewItem(CRITICAL, GrantId.of("g-crit"), IdentityId.of("alice"), EntitlementId.of("plc-7-admin"), RiskTier.CRITICAL)));

    private FixtureConfiguration<Review> fixture;
    private KnownIdentities people;

    @BeforeEach
    void setUp() {
        people = new KnownIdentities()
                .personReportingTo("olga", "bob")
                .personReportingTo("bob", "carla")
                .person("carla")
                .person("alice")
                .person("dora", IdentityStatus.DEPARTED);
        fixture = new AggregateTestFixture<>(Review.class);
        fixture.registerInjectableResource(people);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void reviewerCertifiesAnItemThroughTheLink() {
        fixture.given(OPENED)
                .when(decide(OLGA, ReviewOutcome.CERTIFY, false, ALICES))
                .expectEvents(recorded(ALICES, "g-alice", ReviewOutcome.CERTIFY, false));
    }

    @Test
    void selectAllDecidesEveryChosenItemAndTheLastDecisionClosesTheReview() {
        fixture.given(OPENED, recorded(CRITICAL, "g-crit", ReviewOutcome.REVOKE, true))
                .when(decide(OLGA, ReviewOutcome.CERTIFY, true, ALICES, BOBS))
                .expectEvents(recorded(ALICES, "g-alice", ReviewOutcome.CERTIFY, true),
                        recorded(BOBS, "g-bob", ReviewOutcome.CERTIFY, true),
                        new ReviewClosed(CAMPAIGN, REVIEW, 2, 1, NoDecisionPolicy.REVOKE, List.of(), NOW));
    }

    @Test
    void aSecondDecisionOnAnItemIsAConflict() {
        fixture.given(OPENED, recorded(ALICES, "g-alice", ReviewOutcome.CERTIFY, false))
                .when(decide(OLGA, ReviewOutcome.REVOKE, true, ALICES))
                .expectException(violation(ItemDecidedAlready.class, Kind.CONFLICT, "itemId"))
                .expectNoEvents();
    }

    @Test
    void nobodyDecidesAReviewThatIsNotTheirs() {
        fixture.given(OPENED)
                .when(decide(IdentityId.of("carla"), ReviewOutcome.CERTIFY, true, ALICES))
                .expectException(violation(NotYourReview.class, Kind.FORBIDDEN, null));
    }

    @Test
    void anItemOfAnotherReviewIsNotFound() {
        fixture.given(OPENED)
                .when(decide(OLGA, ReviewOutcome.CERTIFY, true, ReviewItemId.of(REVIEW, 7)))
                .expectException(violation(ReviewItemNotFound.class, Kind.NOT_FOUND, "itemId"));
    }

    @Test
    void highAndCriticalItemsNeedASignedInReviewer() {
        fixture.given(OPENED)
                .when(decide(OLGA, ReviewOutcome.CERTIFY, false, ALICES, CRITICAL))
                .expectException(violation(SignInRequired.class, Kind.FORBIDDEN, "itemId"))
                .expectNoEvents();
    }

    @Test
    void anIntegrationsApiTokenIsNoSignInForHighAndCriticalItems() {
        fixture.given(OPENED)
                .when(new RecordReviewDecision(REVIEW, List.of(CRITICAL), OLGA, ReviewOutcome.CERTIFY, null, DecisionChannel.API,
                        "192.0.2.7", new DecisionAuthentication(DecisionAuthentication.Method.API_TOKEN, null)))
                .expectException(violation(SignInRequired.class, Kind.FORBIDDEN, "itemId"))
                .expectNoEvents();
    }

    @Test
    void aDecisionRecordsHowTheReviewerProvedWhoTheyAre() {
        DecisionAuthentication password = DecisionAuthentication.passwordAt(NOW);
        fixture.given(OPENED)
                .when(new RecordReviewDecision(REVIEW, List.of(CRITICAL), OLGA, ReviewOutcome.REVOKE, null, DecisionChannel.API,
                        "192.0.2.7", password))
                .expectEvents(new ReviewDecisionRecorded(CAMPAIGN, REVIEW, CRITICAL, GrantId.of("g-crit"), OLGA, ReviewOutcome.REVOKE,
                        null, DecisionChannel.API, "192.0.2.7", true, NOW, password));
    }

    @Test
    void aReviewerNeverDecidesTheirOwnGrant() {
        fixture.given(OPENED, new ReviewDelegated(CAMPAIGN, REVIEW, OLGA, BOB, OLGA, "on leave"))
                .when(decide(BOB, ReviewOutcome.CERTIFY, true, BOBS))
                .expectException(violation(OwnGrantReviewForbidden.class, Kind.FORBIDDEN, "itemId"));
    }

    @Test
    void aDecisionCountsOnlyFromAnActiveReviewer() {
        people.person("olga", IdentityStatus.SUSPENDED);
        fixture.given(OPENED)
                .when(decide(OLGA, ReviewOutcome.CERTIFY, true, ALICES))
                .expectException(violation(ReviewerNotActive.class, Kind.FORBIDDEN, null));
    }

    @Test
    void aClosedReviewTakesNoDecision() {
        fixture.given(OPENED, new ReviewClosed(CAMPAIGN, REVIEW, 0, 0, NoDecisionPolicy.REVOKE,
                        List.of(GrantId.of("g-alice"), GrantId.of("g-bob"), GrantId.of("g-crit")), DUE))
                .when(decide(OLGA, ReviewOutcome.CERTIFY, true, ALICES))
                .expectException(violation(ReviewNotOpen.class, Kind.CONFLICT, null));
    }

    @Test
    void atTheDueDateTheUndecidedGrantsFollowThePolicy() {
        fixture.given(OPENED, recorded(ALICES, "g-alice", ReviewOutcome.CERTIFY, false))
                .when(new CloseReview(REVIEW))
                .expectEvents(new ReviewClosed(CAMPAIGN, REVIEW, 1, 0, NoDecisionPolicy.REVOKE,
                        List.of(GrantId.of("g-bob"), GrantId.of("g-crit")), NOW));
    }

    @Test
    void closingTwiceChangesNothing() {
        fixture.given(OPENED, new ReviewClosed(CAMPAIGN, REVIEW, 0, 0, NoDecisionPolicy.REVOKE, List.of(), DUE))
                .when(new CloseReview(REVIEW))
                .expectNoEvents();
    }

    @Test
    void escalationMovesTheReviewToTheReviewersManager() {
        fixture.given(OPENED)
                .when(new EscalateReview(REVIEW, ReassignmentReason.UNANSWERED))
                .expectEvents(new ReviewEscalated(CAMPAIGN, REVIEW, OLGA, BOB, ReassignmentReason.UNANSWERED))
                .expectResultMessagePayload(BOB);
    }

    @Test
    void escalationSkipsAnInactiveManager() {
        people.personReportingTo("bob", "carla").add(new io.grantline.command.identity.IdentityFacts(BOB,
                io.grantline.api.identity.IdentityKind.HUMAN, IdentityStatus.DEPARTED, null, IdentityId.of("carla"), null,
                java.util.Set.of()));
        fixture.given(OPENED)
                .when(new EscalateReview(REVIEW, ReassignmentReason.REVIEWER_INACTIVE))
                .expectEvents(new ReviewEscalated(CAMPAIGN, REVIEW, OLGA, IdentityId.of("carla"), ReassignmentReason.REVIEWER_INACTIVE));
    }

    @Test
    void escalationWithNobodyAboveLeavesTheReviewWhereItIs() {
        people.person("olga");
        fixture.given(OPENED)
                .when(new EscalateReview(REVIEW, ReassignmentReason.UNANSWERED))
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }

    @Test
    void aReviewerDelegatesToAnotherActivePerson() {
        fixture.given(OPENED)
                .when(new DelegateReview(REVIEW, OLGA, false, IdentityId.of("carla"), "on leave until May"))
                .expectEvents(new ReviewDelegated(CAMPAIGN, REVIEW, OLGA, IdentityId.of("carla"), OLGA, "on leave until May"));
    }

    @Test
    void nobodyDelegatesToAnInactivePerson() {
        fixture.given(OPENED)
                .when(new DelegateReview(REVIEW, OLGA, false, IdentityId.of("dora"), "on leave"))
                .expectException(violation(NotAnActiveHuman.class, Kind.INVALID, "toReviewerId"));
    }

    @Test
    void onlyTheReviewerOrAnAdministratorDelegates() {
        fixture.given(OPENED)
                .when(new DelegateReview(REVIEW, IdentityId.of("carla"), false, IdentityId.of("carla"), "mine now"))
                .expectException(violation(NotYourReview.class, Kind.FORBIDDEN, null));
    }

    private static RecordReviewDecision decide(IdentityId reviewer, ReviewOutcome outcome, boolean signedIn, ReviewItemId... items) {
        return new RecordReviewDecision(REVIEW, List.of(items), reviewer, outcome, null,
                signedIn ? DecisionChannel.WEB : DecisionChannel.EMAIL_LINK, "192.0.2.7", signedIn ? SESSION : DecisionAuthentication.linkOnly());
    }

    private static ReviewDecisionRecorded recorded(ReviewItemId item, String grant, ReviewOutcome outcome, boolean signedIn) {
        return new ReviewDecisionRecorded(CAMPAIGN, REVIEW, item, GrantId.of(grant), OLGA, outcome, null,
                signedIn ? DecisionChannel.WEB : DecisionChannel.EMAIL_LINK, "192.0.2.7", signedIn, NOW,
                signedIn ? SESSION : DecisionAuthentication.linkOnly());
    }
}
