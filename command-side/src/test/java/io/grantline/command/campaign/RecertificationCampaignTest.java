package io.grantline.command.campaign;

import static io.grantline.command.common.Violations.violation;

import io.grantline.api.campaign.AssignReviews;
import io.grantline.api.campaign.CampaignClosed;
import io.grantline.api.campaign.CampaignId;
import io.grantline.api.campaign.CampaignLaunched;
import io.grantline.api.campaign.ConcludeReview;
import io.grantline.api.campaign.LaunchCampaign;
import io.grantline.api.campaign.NoDecisionPolicy;
import io.grantline.api.campaign.ReviewConcluded;
import io.grantline.api.campaign.ReviewId;
import io.grantline.api.campaign.ReviewItem;
import io.grantline.api.campaign.ReviewItemId;
import io.grantline.api.campaign.ReviewOpened;
import io.grantline.api.campaign.ReviewsAssigned;
import io.grantline.api.common.RuleViolation.Kind;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.command.campaign.CampaignRuleViolation.InvalidCampaignField;
import io.grantline.command.campaign.CampaignRuleViolation.ReviewNotOfCampaign;
import io.grantline.command.identity.KnownIdentities;
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

class RecertificationCampaignTest {

    private static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant DUE = NOW.plus(Duration.ofDays(14));
    private static final CampaignId CAMPAIGN = CampaignId.of("2026-q2");
    private static final CampaignLaunched LAUNCHED = new CampaignLaunched(CAMPAIGN, null, Set.of(), DUE, NoDecisionPolicy.REVOKE, NOW);

    private FixtureConfiguration<RecertificationCampaign> fixture;
    private KnownIdentities people;

    @BeforeEach
    void setUp() {
        people = new KnownIdentities()
                .person("olga")
                .personReportingTo("alice", "bob")
                .personReportingTo("bob", "carla")
                .person("carla")
                .person("dora", IdentityStatus.DEPARTED)
                .personReportingTo("erik", "dora")
                .nonHuman("historian-svc", IdentityKind.SERVICE_ACCOUNT, "alice", IdentityStatus.ACTIVE);
        fixture = new AggregateTestFixture<>(RecertificationCampaign.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void scope(KnownScope scope) {
        fixture.registerInjectableResource(scope);
        fixture.registerInjectableResource(scope.directory());
    }

    private KnownScope everyone() {
        return new KnownScope(people, "olga", "alice", "bob", "carla", "dora", "erik", "historian-svc");
    }

    @Test
    void launchRevokesUndecidedGrantsByDefault() {
        fixture.givenNoPriorActivity()
                .when(new LaunchCampaign(CAMPAIGN, null, null, DUE, null))
                .expectEvents(LAUNCHED);
    }

    @Test
    void launchKeepsItsScopeAndPolicy() {
        fixture.givenNoPriorActivity()
                .when(new LaunchCampaign(CAMPAIGN, RiskTier.HIGH, null, DUE, NoDecisionPolicy.KEEP))
                .expectEvents(new CampaignLaunched(CAMPAIGN, RiskTier.HIGH, Set.of(), DUE, NoDecisionPolicy.KEEP, NOW));
    }

    @Test
    void dueDateMustBeInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(new LaunchCampaign(CAMPAIGN, null, null, NOW, null))
                .expectException(violation(InvalidCampaignField.class, Kind.INVALID, "dueAt"));
    }

    @Test
    void dueDateMustBeWithinAYear() {
        fixture.givenNoPriorActivity()
                .when(new LaunchCampaign(CAMPAIGN, null, null, NOW.plus(Duration.ofDays(400)), null))
                .expectException(violation(InvalidCampaignField.class, Kind.INVALID, "dueAt"));
    }

    @Test
    void snapshotOpensOneReviewPerReviewerNotOnePerGrant() {
        scope(everyone()
                .grant("g1", "alice", "plc-7-operate", RiskTier.HIGH, "olga")
                .grant("g2", "bob", "plc-7-operate", RiskTier.HIGH, "olga")
                .grant("g3", "historian-svc", "historian-write", RiskTier.MEDIUM, "olga"));
        ReviewId olgas = ReviewId.of(CAMPAIGN, 1);
        ReviewId alices = ReviewId.of(CAMPAIGN, 0);

        fixture.given(LAUNCHED)
                .when(new AssignReviews(CAMPAIGN))
                .expectEvents(
                        new ReviewOpened(CAMPAIGN, alices, IdentityId.of("alice"), DUE, NoDecisionPolicy.REVOKE, List.of(
                                item(alices, 0, "g3", "historian-svc", "historian-write", RiskTier.MEDIUM))),
                        new ReviewOpened(CAMPAIGN, olgas, IdentityId.of("olga"), DUE, NoDecisionPolicy.REVOKE, List.of(
                                item(olgas, 0, "g1", "alice", "plc-7-operate", RiskTier.HIGH),
                                item(olgas, 1, "g2", "bob", "plc-7-operate", RiskTier.HIGH))),
                        new ReviewsAssigned(CAMPAIGN, 2, 3, 0))
                .expectResultMessagePayload(2);
    }

    @Test
    void ownersOwnGrantIsReviewedByTheirManagerAndInactiveReviewersArePassedOver() {
        scope(everyone()
                .grant("g1", "olga", "olga-own", RiskTier.LOW, "olga")        // olga has no manager: nobody
                .grant("g2", "alice", "alice-own", RiskTier.LOW, "alice")     // → bob
                .grant("g3", "bob", "dora-own", RiskTier.LOW, "dora"));       // dora departed, no manager: nobody
        ReviewId bobs = ReviewId.of(CAMPAIGN, 0);
        ReviewId nobodys = ReviewId.of(CAMPAIGN, 1);

        fixture.given(LAUNCHED)
                .when(new AssignReviews(CAMPAIGN))
                .expectEvents(
                        new ReviewOpened(CAMPAIGN, bobs, IdentityId.of("bob"), DUE, NoDecisionPolicy.REVOKE, List.of(
                                item(bobs, 0, "g2", "alice", "alice-own", RiskTier.LOW))),
                        new ReviewOpened(CAMPAIGN, nobodys, null, DUE, NoDecisionPolicy.REVOKE, List.of(
                                item(nobodys, 0, "g1", "olga", "olga-own", RiskTier.LOW),
                                item(nobodys, 1, "g3", "bob", "dora-own", RiskTier.LOW))),
                        new ReviewsAssigned(CAMPAIGN, 2, 3, 2));
    }

    @Test
    void snapshotTakesOnlyTheScopesRiskTiers() {
        scope(everyone()
                .grant("g1", "alice", "low", RiskTier.LOW, "olga")
                .grant("g2", "alice", "critical", RiskTier.CRITICAL, "olga"));
        ReviewId olgas = ReviewId.of(CAMPAIGN, 0);

        fixture.given(new CampaignLaunched(CAMPAIGN, RiskTier.HIGH, Set.of(), DUE, NoDecisionPolicy.REVOKE, NOW))
                .when(new AssignReviews(CAMPAIGN))
                .expectEvents(
                        new ReviewOpened(CAMPAIGN, olgas, IdentityId.of("olga"), DUE, NoDecisionPolicy.REVOKE, List.of(
                                item(olgas, 0, "g2", "alice", "critical", RiskTier.CRITICAL))),
                        new ReviewsAssigned(CAMPAIGN, 1, 1, 0));
    }

    @Test
    void snapshotTakesOnlyTheScopesEntitlements() {
        scope(everyone()
                .grant("g1", "alice", "hmi-view", RiskTier.LOW, "olga")
                .grant("g2", "bob", "plc-7-operate", RiskTier.HIGH, "olga"));
        ReviewId olgas = ReviewId.of(CAMPAIGN, 0);

        fixture.given(new CampaignLaunched(CAMPAIGN, null, Set.of(EntitlementId.of("plc-7-operate")), DUE, NoDecisionPolicy.REVOKE, NOW))
                .when(new AssignReviews(CAMPAIGN))
                .expectEvents(
                        new ReviewOpened(CAMPAIGN, olgas, IdentityId.of("olga"), DUE, NoDecisionPolicy.REVOKE, List.of(
                                item(olgas, 0, "g2", "bob", "plc-7-operate", RiskTier.HIGH))),
                        new ReviewsAssigned(CAMPAIGN, 1, 1, 0));
    }

    @Test
    void campaignWithNothingInScopeClosesAtOnce() {
        scope(everyone());
        fixture.given(LAUNCHED)
                .when(new AssignReviews(CAMPAIGN))
                .expectEvents(new ReviewsAssigned(CAMPAIGN, 0, 0, 0), new CampaignClosed(CAMPAIGN, 0, 0, 0, 0, 0, NOW));
    }

    @Test
    void secondSnapshotChangesNothing() {
        scope(everyone());
        fixture.given(LAUNCHED, new ReviewsAssigned(CAMPAIGN, 2, 5, 0))
                .when(new AssignReviews(CAMPAIGN))
                .expectNoEvents()
                .expectResultMessagePayload(2);
    }

    @Test
    void lastConcludedReviewClosesTheCampaignWithItsCounts() {
        fixture.given(LAUNCHED, new ReviewsAssigned(CAMPAIGN, 2, 10, 0),
                        new ReviewConcluded(CAMPAIGN, ReviewId.of(CAMPAIGN, 0), 3, 1, 2))
                .when(new ConcludeReview(CAMPAIGN, ReviewId.of(CAMPAIGN, 1), 2, 1, 1))
                .expectEvents(new ReviewConcluded(CAMPAIGN, ReviewId.of(CAMPAIGN, 1), 2, 1, 1),
                        new CampaignClosed(CAMPAIGN, 10, 5, 2, 3, 0, NOW));
    }

    @Test
    void keptUndecidedGrantsAreCountedAsKept() {
        fixture.given(new CampaignLaunched(CAMPAIGN, null, Set.of(), DUE, NoDecisionPolicy.KEEP, NOW), new ReviewsAssigned(CAMPAIGN, 1, 4, 0))
                .when(new ConcludeReview(CAMPAIGN, ReviewId.of(CAMPAIGN, 0), 1, 1, 2))
                .expectEvents(new ReviewConcluded(CAMPAIGN, ReviewId.of(CAMPAIGN, 0), 1, 1, 2),
                        new CampaignClosed(CAMPAIGN, 4, 1, 1, 0, 2, NOW));
    }

    @Test
    void aReviewConcludedTwiceCountsOnce() {
        fixture.given(LAUNCHED, new ReviewsAssigned(CAMPAIGN, 2, 10, 0),
                        new ReviewConcluded(CAMPAIGN, ReviewId.of(CAMPAIGN, 0), 3, 1, 2))
                .when(new ConcludeReview(CAMPAIGN, ReviewId.of(CAMPAIGN, 0), 3, 1, 2))
                .expectNoEvents();
    }

    @Test
    void aReviewOfAnotherCampaignIsRefused() {
        fixture.given(LAUNCHED, new ReviewsAssigned(CAMPAIGN, 2, 10, 0))
                .when(new ConcludeReview(CAMPAIGN, ReviewId.of(CampaignId.of("other"), 0), 3, 1, 2))
                .expectException(violation(ReviewNotOfCampaign.class, Kind.INVALID, "reviewId"));
    }

    private static ReviewItem item(ReviewId review, int n, String grant, String holder, String entitlement, RiskTier risk) {
        return new ReviewItem(ReviewItemId.of(review, n), GrantId.of(grant), IdentityId.of(holder), EntitlementId.of(entitlement), risk);
    }
}
