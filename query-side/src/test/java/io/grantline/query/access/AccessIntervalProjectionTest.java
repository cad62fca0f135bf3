package io.grantline.query.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantline.api.compliance.AccessInterval;
import io.grantline.api.compliance.FindIdentityStreams;
import io.grantline.api.compliance.ListHoldersAt;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.grant.AccessGranted;
import io.grantline.api.grant.EndReason;
import io.grantline.api.grant.GrantExtended;
import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.GrantRevoked;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import io.grantline.query.MongoTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** The access intervals on a real MongoDB-protocol server: who held what at an instant. */
class AccessIntervalProjectionTest {

    private static final IdentityId ALICE = IdentityId.of("alice");
    private static final IdentityId BOB = IdentityId.of("bob");
    private static final EntitlementId PLC7_OPERATE = EntitlementId.of("plc-7-operate");
    private static final EntitlementId PLC7_ENGINEER = EntitlementId.of("plc-7-engineer");
    private static final GrantId GRANT_A = GrantId.of("grant-a");
    private static final GrantId GRANT_B = GrantId.of("grant-b");
    private static final Instant NINE = Instant.parse("2025-03-14T09:00:00Z");
    private static final Instant FIVE_PM = Instant.parse("2025-03-14T17:00:00Z");

    @RegisterExtension
    static final MongoTestServer MONGO = new MongoTestServer();

    private MongoTemplate mongo;
    private AccessIntervalProjection projection;

    @BeforeEach
    void setUp() {
        mongo = MONGO.template("access-test");
        mongo.remove(new Query(), "entitlements");
        mongo.remove(new Query(), "access_requests");
        projection = new AccessIntervalProjection(mongo);
        projection.reset();
    }

    @Test
    void nobodyHoldsBeforeTheGrantTheHolderDuringItAndNobodyAfterItExpired() {
        projection.on(granted(GRANT_A, ALICE, PLC7_OPERATE, NINE, FIVE_PM), 0);

        assertThat(holdersOf(PLC7_OPERATE, "2025-03-14T08:59:59Z")).isEmpty();
        assertThat(holdersOf(PLC7_OPERATE, "2025-03-14T09:00:00Z")).containsExactly(
                new AccessInterval(ALICE, GRANT_A, PLC7_OPERATE, NINE, FIVE_PM));
        assertThat(holdersOf(PLC7_OPERATE, "2025-03-14T16:59:59Z")).extracting(AccessInterval::identityId).containsExactly(ALICE);
        assertThat(holdersOf(PLC7_OPERATE, "2025-03-14T17:00:00Z")).as("the end is not included").isEmpty();
        assertThat(holdersOf(PLC7_ENGINEER, "2025-03-14T12:00:00Z")).as("another entitlement").isEmpty();
    }

    @Test
    void aRevocationEndsTheIntervalEarly() {
        Instant noon = Instant.parse("2025-03-14T12:00:00Z");
        projection.on(granted(GRANT_A, ALICE, PLC7_OPERATE, NINE, FIVE_PM), 0);
        projection.on(revoked(GRANT_A, ALICE, PLC7_OPERATE, EndReason.REVOKED, noon), 2);

        assertThat(holdersOf(PLC7_OPERATE, "2025-03-14T11:59:59Z")).containsExactly(
                new AccessInterval(ALICE, GRANT_A, PLC7_OPERATE, NINE, noon));
        assertThat(holdersOf(PLC7_OPERATE, "2025-03-14T12:00:00Z")).isEmpty();
        assertThat(holdersOf(PLC7_OPERATE, "2025-03-14T16:00:00Z")).isEmpty();
    }

    @Test
    void anExpiryRecordedLateDoesNotStretchTheInterval() {
        projection.on(granted(GRANT_A, ALICE, PLC7_OPERATE, NINE, FIVE_PM), 0);
        projection.on(revoked(GRANT_A, ALICE, PLC7_OPERATE, EndReason.EXPIRED, FIVE_PM.plusSeconds(4)), 2);

        assertThat(holdersOf(PLC7_OPERATE, "2025-03-14T16:59:59Z")).extracting(AccessInterval::validUntil).containsExactly(FIVE_PM);
        assertThat(holdersOf(PLC7_OPERATE, "2025-03-14T17:00:02Z")).isEmpty();
    }

    @Test
    void eventsHandledTwiceChangeNothing() {
        Instant noon = Instant.parse("2025-03-14T12:00:00Z");
        projection.on(granted(GRANT_A, ALICE, PLC7_OPERATE, NINE, FIVE_PM), 0);
        projection.on(revoked(GRANT_A, ALICE, PLC7_OPERATE, EndReason.REVOKED, noon), 2);
        List<Document> once = mongo.findAll(Document.class, AccessIntervalProjection.INTERVALS);

        projection.on(granted(GRANT_A, ALICE, PLC7_OPERATE, NINE, FIVE_PM), 0);
        projection.on(revoked(GRANT_A, ALICE, PLC7_OPERATE, EndReason.REVOKED, noon), 2);

        assertThat(mongo.findAll(Document.class, AccessIntervalProjection.INTERVALS)).isEqualTo(once);
        assertThat(once).extracting(doc -> doc.get("_id"))
                .as("the March bucket of the entitlement, the grant's pointer to it, the identity's grants")
                .containsExactlyInAnyOrder("plc-7-operate|2025-03", "grant|grant-a", "identity|alice");
        assertThat(holdersOf(PLC7_OPERATE, "2025-03-14T11:00:00Z")).hasSize(1);
        assertThat(holdersOf(PLC7_OPERATE, "2025-03-14T13:00:00Z")).isEmpty();
    }

    @Test
    void aGrantThatStartedElevenMonthsBeforeOrInThePreviousYearIsFoundInItsOwnBucket() {
        // started 11 months before T, lasting nearly a year: in the bucket of April 2024, read for T in March 2025
        Instant april = Instant.parse("2024-04-20T08:00:00Z");
        projection.on(granted(GRANT_A, ALICE, PLC7_OPERATE, april, april.plus(Duration.ofDays(360))), 0);
        // started in the previous year, revoked in this one; its id has a '.', a path separator in field names
        GrantId dotted = GrantId.of("grant.b");
        Instant december = Instant.parse("2024-12-31T23:30:00Z");
        projection.on(granted(dotted, BOB, PLC7_OPERATE, december, december.plus(Duration.ofDays(90))), 0);
        projection.on(revoked(dotted, BOB, PLC7_OPERATE, EndReason.REVOKED, Instant.parse("2025-03-14T10:00:00Z")), 2);
        // the longest grant there is, 366 days, from the 1st hour of February 2024: 13 months before March 2025
        GrantId longest = GrantId.of("grant-c");
        Instant february = Instant.parse("2024-02-29T01:00:00Z");
        projection.on(granted(longest, BOB, PLC7_ENGINEER, february, february.plus(Duration.ofDays(366))), 0);

        assertThat(holdersOf(PLC7_OPERATE, "2025-03-14T09:59:59Z")).containsExactly(
                new AccessInterval(ALICE, GRANT_A, PLC7_OPERATE, april, april.plus(Duration.ofDays(360))),
                new AccessInterval(BOB, dotted, PLC7_OPERATE, december, Instant.parse("2025-03-14T10:00:00Z")));
        assertThat(holdersOf(PLC7_OPERATE, "2025-03-14T10:00:00Z")).extracting(AccessInterval::grantId).containsExactly(GRANT_A);
        assertThat(holdersOf(PLC7_OPERATE, "2024-12-31T23:29:59Z")).extracting(AccessInterval::grantId).containsExactly(GRANT_A);
        assertThat(holdersOf(PLC7_OPERATE, "2025-04-15T08:00:00Z")).as("after the 360 days").isEmpty();
        assertThat(holdersOf(PLC7_ENGINEER, "2025-03-01T00:59:59Z")).extracting(AccessInterval::grantId).containsExactly(longest);
        assertThat(holdersOf(PLC7_ENGINEER, "2025-03-01T01:00:00Z")).isEmpty();
        assertThat(projection.handle(new FindIdentityStreams(BOB)).grantIds()).containsExactlyInAnyOrder(dotted, longest);
    }

    @Test
    void anExtendedGrantIsHeldUntilItsNewEndEvenMoreThanAYearAfterItStarted() {
        // 300 days from April 2024, then extended twice by 300 days: held in May 2026, two years after it started
        Instant april = Instant.parse("2024-04-20T08:00:00Z");
        Instant firstEnd = april.plus(Duration.ofDays(300));
        Instant secondEnd = firstEnd.plus(Duration.ofDays(300));
        Instant thirdEnd = secondEnd.plus(Duration.ofDays(300));
        projection.on(granted(GRANT_A, ALICE, PLC7_OPERATE, april, firstEnd), 0);
        projection.on(extended(GRANT_A, firstEnd, secondEnd), 2);
        projection.on(extended(GRANT_A, secondEnd, thirdEnd), 3);
        projection.on(extended(GRANT_A, secondEnd, thirdEnd), 3);

        AccessInterval whole = new AccessInterval(ALICE, GRANT_A, PLC7_OPERATE, april, thirdEnd);
        assertThat(holdersOf(PLC7_OPERATE, "2024-05-01T00:00:00Z")).containsExactly(whole);
        assertThat(holdersOf(PLC7_OPERATE, firstEnd.plusSeconds(1).toString())).as("named once").containsExactly(whole);
        assertThat(holdersOf(PLC7_OPERATE, "2026-05-01T00:00:00Z")).containsExactly(whole);
        assertThat(holdersOf(PLC7_OPERATE, thirdEnd.toString())).isEmpty();

        // a revocation ends every copy of the interval
        Instant revokedAt = Instant.parse("2026-05-02T00:00:00Z");
        projection.on(revoked(GRANT_A, ALICE, PLC7_OPERATE, EndReason.REVOKED, revokedAt), 4);
        assertThat(holdersOf(PLC7_OPERATE, "2026-05-01T00:00:00Z")).extracting(AccessInterval::validUntil).containsExactly(revokedAt);
        assertThat(holdersOf(PLC7_OPERATE, "2024-05-01T00:00:00Z")).extracting(AccessInterval::validUntil).containsExactly(revokedAt);
        assertThat(holdersOf(PLC7_OPERATE, "2026-05-03T00:00:00Z")).isEmpty();
    }

    @Test
    void holdersOfAResourceAreThoseOfAnyOfItsEntitlements() {
        mongo.insert(new Document("_id", PLC7_OPERATE.value()).append("resource", "PLC-7"), "entitlements");
        mongo.insert(new Document("_id", PLC7_ENGINEER.value()).append("resource", "PLC-7"), "entitlements");
        mongo.insert(new Document("_id", "plc-8-operate").append("resource", "PLC-8"), "entitlements");
        projection.on(granted(GRANT_A, ALICE, PLC7_OPERATE, NINE, FIVE_PM), 0);
        projection.on(granted(GRANT_B, BOB, PLC7_ENGINEER, NINE.plusSeconds(3600), FIVE_PM), 0);
        projection.on(granted(GrantId.of("grant-c"), BOB, EntitlementId.of("plc-8-operate"), NINE, FIVE_PM), 0);

        List<AccessInterval> at = projection.handle(new ListHoldersAt(null, "PLC-7", Instant.parse("2025-03-14T11:00:00Z")));

        assertThat(at).extracting(AccessInterval::grantId).containsExactly(GRANT_A, GRANT_B);
        assertThat(projection.handle(new ListHoldersAt(null, "PLC-7", Instant.parse("2025-03-14T09:30:00Z"))))
                .extracting(AccessInterval::identityId).containsExactly(ALICE);
        assertThat(projection.handle(new ListHoldersAt(null, "PLC-9", Instant.parse("2025-03-14T11:00:00Z")))).isEmpty();
    }

    @Test
    void anIdentitysStreamsAreItsGrantsAndTheRequestsItFiledOrBenefitsFrom() {
        projection.on(granted(GRANT_A, ALICE, PLC7_OPERATE, NINE, FIVE_PM), 0);
        projection.on(granted(GRANT_B, BOB, PLC7_OPERATE, NINE, FIVE_PM), 0);
        mongo.insert(new Document("_id", "r-1").append("requesterId", "alice").append("beneficiaryId", "alice"), "access_requests");
        mongo.insert(new Document("_id", "r-2").append("requesterId", "alice").append("beneficiaryId", "robot-7"), "access_requests");
        mongo.insert(new Document("_id", "r-3").append("requesterId", "bob").append("beneficiaryId", "bob"), "access_requests");

        var streams = projection.handle(new FindIdentityStreams(ALICE));

        assertThat(streams.grantIds()).containsExactly(GRANT_A);
        assertThat(streams.requestIds()).containsExactlyInAnyOrder(AccessRequestId.of("r-1"), AccessRequestId.of("r-2"));
        assertThat(projection.handle(new FindIdentityStreams(IdentityId.of("robot-7"))).requestIds())
                .containsExactly(AccessRequestId.of("r-2"));
    }

    private List<AccessInterval> holdersOf(EntitlementId entitlement, String at) {
        return projection.handle(new ListHoldersAt(entitlement, null, Instant.parse(at)));
    }

    private static AccessGranted granted(GrantId grant, IdentityId who, EntitlementId what, Instant from, Instant until) {
        return new AccessGranted(grant, AccessRequestId.of("request-" + grant.value()), who, what, from, until);
    }

    private static GrantExtended extended(GrantId grant, Instant from, Instant until) {
        return new GrantExtended(grant, AccessRequestId.of("extension-" + until.getEpochSecond()), ALICE, PLC7_OPERATE, from, until);
    }

    private static GrantRevoked revoked(GrantId grant, IdentityId who, EntitlementId what, EndReason reason, Instant at) {
        return new GrantRevoked(grant, who, what, reason, "test", at);
    }
}
