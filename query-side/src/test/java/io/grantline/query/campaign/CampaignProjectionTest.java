package io.grantline.query.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantline.api.campaign.CampaignClosed;
import io.grantline.api.campaign.CampaignId;
import io.grantline.api.campaign.CampaignItem;
import io.grantline.api.campaign.CampaignLaunched;
import io.grantline.api.campaign.CampaignReport;
import io.grantline.api.campaign.CampaignStatus;
import io.grantline.api.campaign.FindCampaign;
import io.grantline.api.campaign.FindReviewsOfGrant;
import io.grantline.api.campaign.FindReviewsOfReviewer;
import io.grantline.api.campaign.ItemDecision;
import io.grantline.api.campaign.ListCampaignItems;
import io.grantline.api.campaign.ListReviewInbox;
import io.grantline.api.campaign.ListReviewerCompletion;
import io.grantline.api.campaign.NoDecisionPolicy;
import io.grantline.api.campaign.ReviewClosed;
import io.grantline.api.campaign.ReviewDecisionRecorded;
import io.grantline.api.campaign.ReviewDelegated;
import io.grantline.api.campaign.ReviewId;
import io.grantline.api.campaign.ReviewItem;
import io.grantline.api.campaign.ReviewItemId;
import io.grantline.api.campaign.ReviewOpened;
import io.grantline.api.campaign.ReviewOutcome;
import io.grantline.api.campaign.ReviewerCompletion;
import io.grantline.api.campaign.ReviewsAssigned;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.DecisionChannel;
import io.grantline.query.MongoTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The campaign read models on a real MongoDB-protocol server: the report, the inbox, completion, rubber-stamping. */
class CampaignProjectionTest {

    private static final Instant LAUNCHED_AT = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant DUE = LAUNCHED_AT.plus(Duration.ofDays(14));
    private static final CampaignId CAMPAIGN = CampaignId.of("2026-q2");
    private static final ReviewId OLGAS = ReviewId.of(CAMPAIGN, 0);
    private static final ReviewId PETERS = ReviewId.of(CAMPAIGN, 1);
    private static final IdentityId OLGA = IdentityId.of("olga");
    private static final IdentityId PETER = IdentityId.of("peter");

    @RegisterExtension
    static final MongoTestServer MONGO = new MongoTestServer();

    private CampaignProjection projection;
    private CampaignQueries queries;

    @BeforeEach
    void setUp() {
        MongoTemplate mongo = MONGO.template("campaign-test");
        projection = new CampaignProjection(mongo);
        queries = new CampaignQueries(mongo);
        projection.reset();
    }

    @Test
    void theReportCountsDecisionsAndWhatThePolicyRevokedAndEveryEventHandledTwiceChangesNothing() {
        for (int round = 0; round < 2; round++) {
            projection.on(new CampaignLaunched(CAMPAIGN, null, Set.of(), DUE, NoDecisionPolicy.REVOKE, LAUNCHED_AT), 0);
            projection.on(new ReviewsAssigned(CAMPAIGN, 2, 5, 0), 1);
            projection.on(opened(OLGAS, OLGA, 3), 0);
            projection.on(opened(PETERS, PETER, 2), 0);
            projection.on(decided(OLGAS, 0, OLGA, ReviewOutcome.CERTIFY, LAUNCHED_AT.plusSeconds(60)), 1);
            projection.on(decided(OLGAS, 1, OLGA, ReviewOutcome.REVOKE, LAUNCHED_AT.plusSeconds(90)), 2);
            projection.on(new ReviewClosed(CAMPAIGN, OLGAS, 1, 1, NoDecisionPolicy.REVOKE, List.of(GrantId.of("g-r0-2")), DUE), 3);
        }

        CampaignReport open = queries.handle(new FindCampaign(CAMPAIGN)).orElseThrow();
        assertThat(open.status()).isEqualTo(CampaignStatus.OPEN);
        assertThat(List.of(open.total(), open.certified(), open.revoked(), open.pending(), open.revokedForNoDecision()))
                .containsExactly(5, 1, 2, 2, 1);
        assertThat(queries.handle(new ListReviewInbox(PETER))).hasSize(2);
        assertThat(queries.handle(new ListReviewInbox(OLGA))).as("a closed review waits for nobody").isEmpty();

        projection.on(new CampaignClosed(CAMPAIGN, 5, 1, 1, 3, 0, DUE), 2);
        assertThat(queries.handle(new FindCampaign(CAMPAIGN)).orElseThrow().status()).isEqualTo(CampaignStatus.CLOSED);

        List<CampaignItem> items = queries.handle(new ListCampaignItems(CAMPAIGN));
        assertThat(items).extracting(CampaignItem::decision).containsExactly(ItemDecision.CERTIFIED, ItemDecision.REVOKED,
                ItemDecision.REVOKED_NO_DECISION, null, null);
        assertThat(items.get(1).decidedBy()).isEqualTo(OLGA);
        assertThat(items.get(1).channel()).isEqualTo(DecisionChannel.WEB);
    }

    @Test
    void aDelegatedReviewShowsInTheNewReviewersInbox() {
        projection.on(new CampaignLaunched(CAMPAIGN, null, Set.of(), DUE, NoDecisionPolicy.KEEP, LAUNCHED_AT), 0);
        projection.on(opened(OLGAS, OLGA, 2), 0);
        projection.on(new ReviewDelegated(CAMPAIGN, OLGAS, OLGA, PETER, OLGA, "on leave"), 1);
        projection.on(new ReviewDelegated(CAMPAIGN, OLGAS, OLGA, PETER, OLGA, "on leave"), 1);

        assertThat(queries.handle(new ListReviewInbox(OLGA))).isEmpty();
        assertThat(queries.handle(new ListReviewInbox(PETER))).extracting(item -> item.itemId().value())
                .containsExactly(OLGAS.value() + ".0", OLGAS.value() + ".1");
    }

    @Test
    void aGrantListsEveryReviewThatHeldItOnceEvenWhenAnOpeningIsHandledTwice() {
        ReviewId nextQuarter = ReviewId.of(CampaignId.of("2026-q3"), 4);
        for (int round = 0; round < 2; round++) {
            projection.on(opened(OLGAS, OLGA, 2), 0);
            projection.on(opened(PETERS, PETER, 1), 0);
            projection.on(new ReviewOpened(CampaignId.of("2026-q3"), nextQuarter, PETER, DUE.plus(Duration.ofDays(90)),
                    NoDecisionPolicy.KEEP, List.of(new ReviewItem(ReviewItemId.of(nextQuarter, 0), GrantId.of("g-r0-1"),
                    IdentityId.of("holder-1"), EntitlementId.of("hmi-view"), RiskTier.LOW))), 0);
        }

        assertThat(queries.handle(new FindReviewsOfGrant(GrantId.of("g-r0-1")))).containsExactly(OLGAS, nextQuarter);
        assertThat(queries.handle(new FindReviewsOfGrant(GrantId.of("g-r1-0")))).containsExactly(PETERS);
        assertThat(queries.handle(new FindReviewsOfGrant(GrantId.of("never-reviewed")))).isEmpty();

        projection.reset();
        assertThat(queries.handle(new FindReviewsOfGrant(GrantId.of("g-r0-1")))).as("a replay starts from nothing").isEmpty();
    }

    @Test
    void aReviewerListsEveryReviewOpenedOrHandedToThemOnce() {
        for (int round = 0; round < 2; round++) {
            projection.on(opened(OLGAS, OLGA, 2), 0);
            projection.on(opened(PETERS, PETER, 1), 0);
            projection.on(new ReviewDelegated(CAMPAIGN, PETERS, PETER, OLGA, PETER, "on leave"), 1);
        }

        assertThat(queries.handle(new FindReviewsOfReviewer(OLGA))).containsExactly(OLGAS, PETERS);
        assertThat(queries.handle(new FindReviewsOfReviewer(PETER))).as("handed on, still theirs once").containsExactly(PETERS);
        assertThat(queries.handle(new FindReviewsOfReviewer(IdentityId.of("nobody")))).isEmpty();
    }

    @Test
    void aReviewerWhoCertifiesManyItemsWithinSecondsIsFlagged() {
        projection.on(new CampaignLaunched(CAMPAIGN, null, Set.of(), DUE, NoDecisionPolicy.REVOKE, LAUNCHED_AT), 0);
        projection.on(opened(OLGAS, OLGA, 12), 0);
        projection.on(opened(PETERS, PETER, 12), 0);
        for (int n = 0; n < 12; n++) {
            // olga: twelve certifications in six seconds; peter: one a minute
            projection.on(decided(OLGAS, n, OLGA, ReviewOutcome.CERTIFY, LAUNCHED_AT.plusMillis(500L * n)), n + 1);
            projection.on(decided(PETERS, n, PETER, ReviewOutcome.CERTIFY, LAUNCHED_AT.plusSeconds(60L * n)), n + 1);
        }

        List<ReviewerCompletion> completion = queries.handle(new ListReviewerCompletion(CAMPAIGN));
        assertThat(completion).extracting(ReviewerCompletion::reviewerId).containsExactly(OLGA, PETER);
        assertThat(completion.get(0).rubberStamp()).isTrue();
        assertThat(completion.get(0).fastestBurst()).isEqualTo(12);
        assertThat(completion.get(1).rubberStamp()).isFalse();
        assertThat(completion.get(1).completion()).isEqualTo(1.0);
    }

    private static ReviewOpened opened(ReviewId review, IdentityId reviewer, int count) {
        List<ReviewItem> items = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            items.add(new ReviewItem(ReviewItemId.of(review, n), GrantId.of("g-" + review.value().substring(review.value().length() - 2) + "-" + n),
                    IdentityId.of("holder-" + n), EntitlementId.of("hmi-view"), RiskTier.LOW));
        }
        return new ReviewOpened(CAMPAIGN, review, reviewer, DUE, NoDecisionPolicy.REVOKE, items);
    }

    private static ReviewDecisionRecorded decided(ReviewId review, int n, IdentityId reviewer, ReviewOutcome outcome, Instant at) {
        return new ReviewDecisionRecorded(CAMPAIGN, review, ReviewItemId.of(review, n), GrantId.of("g-" + n), reviewer, outcome, null,
                DecisionChannel.WEB, "192.0.2.1", true, at, null);
    }
}
