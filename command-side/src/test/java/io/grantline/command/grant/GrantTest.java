package io.grantline.command.grant;

import static io.grantline.command.common.Violations.violation;
import static org.hamcrest.Matchers.containsString;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.grant.AccessGranted;
import io.grantline.api.grant.EndReason;
import io.grantline.api.grant.GrantAccess;
import io.grantline.api.grant.ExpireGrant;
import io.grantline.api.grant.ExtendGrant;
import io.grantline.api.grant.GrantDeprovisioned;
import io.grantline.api.grant.GrantExtended;
import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.GrantProvisioned;
import io.grantline.api.grant.GrantProvisioningFailed;
import io.grantline.api.grant.GrantRevoked;
import io.grantline.api.grant.RecordDeprovisioning;
import io.grantline.api.grant.RecordProvisioning;
import io.grantline.api.grant.RecordProvisioningFailure;
import io.grantline.api.grant.RevokeGrant;
import io.grantline.api.grant.CertifyGrant;
import io.grantline.api.grant.GrantCertified;
import io.grantline.api.campaign.CampaignId;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.common.RuleViolation.Kind;
import io.grantline.command.entitlement.EntitlementRuleViolation.EntitlementNotFound;
import io.grantline.command.entitlement.EntitlementRuleViolation.EntitlementRetiredAlready;
import io.grantline.command.entitlement.KnownEntitlements;
import io.grantline.command.grant.GrantRuleViolation.GrantNotEnded;
import io.grantline.command.grant.GrantRuleViolation.GrantTooLong;
import io.grantline.command.grant.GrantRuleViolation.IdentityNotActive;
import io.grantline.command.grant.GrantRuleViolation.InvalidGrantField;
import io.grantline.command.grant.GrantRuleViolation.SeparationOfDutiesConflict;
import io.grantline.command.identity.IdentityRuleViolation.IdentityNotFound;
import io.grantline.command.identity.KnownIdentities;
import io.grantline.command.identity.IdentityFacts;
import java.util.Set;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GrantTest {

    private static final Instant FROM = Instant.parse("2026-03-14T02:00:00Z");
    private static final Instant NOW = FROM.plus(Duration.ofHours(1));

    private static final GrantId GRANT = GrantId.of("g-1");
    private static final AccessRequestId REQUEST = AccessRequestId.of("r-1");
    private static final IdentityId ALICE = IdentityId.of("alice");
    private static final IdentityId HISTORIAN = IdentityId.of("historian-svc");
    private static final EntitlementId OPERATE = EntitlementId.of("plc-7-operate");

    private FixtureConfiguration<Grant> fixture;
    private KnownIdentities identities;
    private KnownEntitlements catalog;
    private KnownHoldings holdings;

    @BeforeEach
    void setUp() {
        identities = new KnownIdentities()
                .personReportingTo("alice", "bob")
                .person("bob")
                .nonHuman("historian-svc", IdentityKind.SERVICE_ACCOUNT, "alice", IdentityStatus.ACTIVE);
        catalog = new KnownEntitlements()
                .entry("plc-7-operate", RiskTier.CRITICAL, "olga", Duration.ofHours(8), "plc-7-engineer")
                .entry("plc-7-engineer", RiskTier.HIGH, "olga", Duration.ofDays(1))
                .entry("historian-write", RiskTier.MEDIUM, "olga", Duration.ofDays(30), "plc-7-operate")
                .entry("plc-5-operate", RiskTier.LOW, "olga", Duration.ofHours(8)).retire("plc-5-operate");
        holdings = new KnownHoldings();

        fixture = new AggregateTestFixture<>(Grant.class);
        fixture.registerInjectableResource(identities);
        fixture.registerInjectableResource(catalog);
        fixture.registerInjectableResource(holdings);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void anApprovedRequestBecomesAGrant() {
        fixture.givenNoPriorActivity()
                .when(grant(ALICE, OPERATE, Duration.ofHours(4)))
                .expectEvents(granted(ALICE, Duration.ofHours(4)));
    }

    @Test
    void aServiceAccountIsGrantedAccessLikeAPerson() {
        fixture.givenNoPriorActivity()
                .when(grant(HISTORIAN, OPERATE, Duration.ofHours(8)))
                .expectEvents(granted(HISTORIAN, Duration.ofHours(8)));
    }

    @Test
    void aContractorsGrantEndsWithTheirSponsorshipAndNoneStartsAfterIt() {
        IdentityId contractor = IdentityId.of("carla");
        identities.add(new IdentityFacts(contractor, IdentityKind.HUMAN, IdentityStatus.ACTIVE, null, IdentityId.of("bob"), null,
                Set.of(), FROM.plus(Duration.ofHours(3))));
        fixture.givenNoPriorActivity()
                .when(grant(contractor, OPERATE, Duration.ofHours(8)))
                .expectEvents(new AccessGranted(GRANT, REQUEST, contractor, OPERATE, FROM, FROM.plus(Duration.ofHours(3))));
        fixture.givenNoPriorActivity()
                .when(grant(contractor, OPERATE, Duration.ofHours(2)))
                .expectEvents(new AccessGranted(GRANT, REQUEST, contractor, OPERATE, FROM, FROM.plus(Duration.ofHours(2))));

        identities.add(new IdentityFacts(IdentityId.of("dirk"), IdentityKind.HUMAN, IdentityStatus.ACTIVE, null, null, null,
                Set.of(), FROM));
        fixture.givenNoPriorActivity()
                .when(grant(IdentityId.of("dirk"), OPERATE, Duration.ofHours(2)))
                .expectException(violation(IdentityNotActive.class, Kind.CONFLICT, "identityId"))
                .expectExceptionMessage(containsString("past the end of its sponsorship"))
                .expectNoEvents();
    }

    @Test
    void aGrantNeverOutlivesItsEntitlementsMaximum() {
        fixture.givenNoPriorActivity()
                .when(grant(ALICE, OPERATE, Duration.ofHours(8).plusSeconds(1)))
                .expectException(violation(GrantTooLong.class, Kind.INVALID, "validUntil"))
                .expectExceptionMessage(containsString("a grant never outlives its entitlement's maximum duration"))
                .expectNoEvents();
    }

    @Test
    void aGrantEndsAfterItStarts() {
        fixture.givenNoPriorActivity()
                .when(grant(ALICE, OPERATE, Duration.ZERO))
                .expectException(violation(InvalidGrantField.class, Kind.INVALID, "validUntil"));
        fixture.givenNoPriorActivity()
                .when(new GrantAccess(GRANT, REQUEST, ALICE, OPERATE, FROM, null))
                .expectException(violation(InvalidGrantField.class, Kind.INVALID, "validUntil"));
    }

    @ParameterizedTest
    @EnumSource(value = IdentityStatus.class, names = {"COMPROMISED", "DEPARTED", "SUSPENDED"})
    void anIdentityThatIsNotActiveIsGrantedNothing(IdentityStatus status) {
        identities.person("alice", status);
        fixture.givenNoPriorActivity()
                .when(grant(ALICE, OPERATE, Duration.ofHours(4)))
                .expectException(violation(IdentityNotActive.class, Kind.CONFLICT, "identityId"))
                .expectNoEvents();
    }

    @Test
    void anUnknownIdentityIsABadReference() {
        fixture.givenNoPriorActivity()
                .when(grant(IdentityId.of("nobody"), OPERATE, Duration.ofHours(4)))
                .expectException(violation(IdentityNotFound.class, Kind.UNKNOWN_REFERENCE, "identityId"));
    }

    @Test
    void anUnknownEntitlementIsABadReference() {
        fixture.givenNoPriorActivity()
                .when(grant(ALICE, EntitlementId.of("no-such"), Duration.ofHours(4)))
                .expectException(violation(EntitlementNotFound.class, Kind.UNKNOWN_REFERENCE, "entitlementId"));
    }

    @Test
    void aRetiredEntitlementIsGrantedToNobody() {
        fixture.givenNoPriorActivity()
                .when(grant(ALICE, EntitlementId.of("plc-5-operate"), Duration.ofHours(4)))
                .expectException(EntitlementRetiredAlready.class)
                .expectNoEvents();
    }

    @Test
    void conflictingEntitlementsAreNotHeldAtOnce() {
        holdings.hold("alice", "plc-7-engineer");
        fixture.givenNoPriorActivity()
                .when(grant(ALICE, OPERATE, Duration.ofHours(4)))
                .expectException(violation(SeparationOfDutiesConflict.class, Kind.CONFLICT, "entitlementId"))
                .expectExceptionMessage(containsString("plc-7-engineer"))
                .expectNoEvents();
    }

    @Test
    void aConflictDeclaredOnTheHeldEntitlementCountsToo() {
        holdings.hold("alice", "historian-write");
        fixture.givenNoPriorActivity()
                .when(grant(ALICE, OPERATE, Duration.ofHours(4)))
                .expectException(SeparationOfDutiesConflict.class)
                .expectExceptionMessage(containsString("historian-write"));
    }

    @Test
    void provisioningActivatesTheGrant() {
        fixture.given(granted(ALICE, Duration.ofHours(4)))
                .when(new RecordProvisioning(GRANT, "opcua-line-3"))
                .expectEvents(new GrantProvisioned(GRANT, "opcua-line-3"))
                .expectResultMessagePayload(true);
    }

    @Test
    void provisioningIsRecordedOnce() {
        fixture.given(granted(ALICE, Duration.ofHours(4)), new GrantProvisioned(GRANT, "opcua-line-3"))
                .when(new RecordProvisioning(GRANT, "opcua-line-3"))
                .expectNoEvents()
                .expectResultMessagePayload(true);
    }

    @Test
    void aGrantThatEndedBeforeProvisioningStaysEnded() {
        fixture.given(granted(ALICE, Duration.ofHours(4)), revoked(EndReason.COMPROMISED))
                .when(new RecordProvisioning(GRANT, "opcua-line-3"))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aProvisioningFailureIsRecorded() {
        fixture.given(granted(ALICE, Duration.ofHours(4)))
                .when(new RecordProvisioningFailure(GRANT, "PLC-7 did not answer"))
                .expectEvents(new GrantProvisioningFailed(GRANT, "PLC-7 did not answer"));
    }

    @Test
    void aProvisioningFailureAfterTheEndIsNotRecorded() {
        fixture.given(granted(ALICE, Duration.ofHours(4)), revoked(EndReason.REVOKED))
                .when(new RecordProvisioningFailure(GRANT, "PLC-7 did not answer"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void provisioningNamesItsConnector() {
        fixture.given(granted(ALICE, Duration.ofHours(4)))
                .when(new RecordProvisioning(GRANT, " "))
                .expectException(violation(InvalidGrantField.class, Kind.INVALID, "connector"));
    }

    @Test
    void revokingEndsTheGrantNow() {
        fixture.given(granted(ALICE, Duration.ofHours(4)), new GrantProvisioned(GRANT, "opcua-line-3"))
                .when(new RevokeGrant(GRANT, EndReason.REVOKED, " no longer on the retrofit team "))
                .expectEvents(new GrantRevoked(GRANT, ALICE, OPERATE, EndReason.REVOKED, "no longer on the retrofit team", NOW));
    }

    @Test
    void revokingAGrantThatEndedChangesNothing() {
        fixture.given(granted(ALICE, Duration.ofHours(4)), revoked(EndReason.EXPIRED))
                .when(new RevokeGrant(GRANT, EndReason.COMPROMISED, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aReviewerCertifiesAnActiveGrant() {
        fixture.given(granted(ALICE, Duration.ofHours(4)), new GrantProvisioned(GRANT, "opcua-line-3"))
                .when(new CertifyGrant(GRANT, CampaignId.of("2026-q2"), IdentityId.of("olga")))
                .expectEvents(new GrantCertified(GRANT, CampaignId.of("2026-q2"), IdentityId.of("olga"), NOW));
    }

    @Test
    void certifyingAGrantThatEndedChangesNothing() {
        fixture.given(granted(ALICE, Duration.ofHours(4)), revoked(EndReason.REVIEW))
                .when(new CertifyGrant(GRANT, CampaignId.of("2026-q2"), IdentityId.of("olga")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRevocationNeedsAReason() {
        fixture.given(granted(ALICE, Duration.ofHours(4)))
                .when(new RevokeGrant(GRANT, null, "because"))
                .expectException(violation(InvalidGrantField.class, Kind.INVALID, "reason"))
                .expectNoEvents();
    }

    @Test
    void deprovisioningFollowsTheEnd() {
        fixture.given(granted(ALICE, Duration.ofHours(4)), revoked(EndReason.EXPIRED))
                .when(new RecordDeprovisioning(GRANT, "opcua-line-3"))
                .expectEvents(new GrantDeprovisioned(GRANT, "opcua-line-3"));
    }

    @Test
    void deprovisioningIsRecordedOnce() {
        fixture.given(granted(ALICE, Duration.ofHours(4)), revoked(EndReason.EXPIRED),
                        new GrantDeprovisioned(GRANT, "opcua-line-3"))
                .when(new RecordDeprovisioning(GRANT, "opcua-line-3"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aGrantThatHasNotEndedIsNotDeprovisioned() {
        fixture.given(granted(ALICE, Duration.ofHours(4)), new GrantProvisioned(GRANT, "opcua-line-3"))
                .when(new RecordDeprovisioning(GRANT, "opcua-line-3"))
                .expectException(violation(GrantNotEnded.class, Kind.CONFLICT, null))
                .expectNoEvents();
    }

    @Test
    void anApprovedRequestsExceptionAllowsTheOneConflictItNamesAndIsRecordedOnTheGrant() {
        holdings.hold("alice", "plc-7-engineer");
        EntitlementId engineer = EntitlementId.of("plc-7-engineer");
        fixture.givenNoPriorActivity()
                .when(new GrantAccess(GRANT, REQUEST, ALICE, OPERATE, FROM, FROM.plus(Duration.ofHours(4)), engineer))
                .expectEvents(new AccessGranted(GRANT, REQUEST, ALICE, OPERATE, FROM, FROM.plus(Duration.ofHours(4)), engineer));
        fixture.givenNoPriorActivity()
                .when(new GrantAccess(GRANT, REQUEST, ALICE, OPERATE, FROM, FROM.plus(Duration.ofHours(4)), EntitlementId.of("historian-write")))
                .expectException(violation(SeparationOfDutiesConflict.class, Kind.CONFLICT, "entitlementId"))
                .expectNoEvents();
        // an exception comes only with an approved request
        fixture.givenNoPriorActivity()
                .when(new GrantAccess(GRANT, null, ALICE, OPERATE, FROM, FROM.plus(Duration.ofHours(4)), engineer))
                .expectException(violation(SeparationOfDutiesConflict.class, Kind.CONFLICT, "entitlementId"));
    }

    @Test
    void anApprovedExtensionMovesTheEndOfARunningGrant() {
        AccessRequestId extension = AccessRequestId.of("r-2");
        fixture.given(granted(ALICE, Duration.ofHours(4)), new GrantProvisioned(GRANT, "log"))
                .when(new ExtendGrant(GRANT, extension, FROM.plus(Duration.ofHours(9))))
                .expectEvents(new GrantExtended(GRANT, extension, ALICE, OPERATE, FROM.plus(Duration.ofHours(4)), FROM.plus(Duration.ofHours(9))))
                .expectResultMessagePayload(true);
        fixture.given(granted(ALICE, Duration.ofHours(4)))
                .when(new ExtendGrant(GRANT, extension, FROM.plus(Duration.ofHours(3))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anEndedGrantIsNotExtendedAndAContractorsExtensionEndsWithTheSponsorship() {
        fixture.given(granted(ALICE, Duration.ofHours(4)), revoked(EndReason.REVOKED))
                .when(new ExtendGrant(GRANT, AccessRequestId.of("r-2"), FROM.plus(Duration.ofHours(9))))
                .expectNoEvents()
                .expectResultMessagePayload(false);
        // its end passed before its expiry timer ran (NOW is an hour after FROM): it expires now, and is not extended
        fixture.given(granted(ALICE, Duration.ofMinutes(30)))
                .when(new ExtendGrant(GRANT, AccessRequestId.of("r-2"), FROM.plus(Duration.ofHours(9))))
                .expectEvents(new GrantRevoked(GRANT, ALICE, OPERATE, EndReason.EXPIRED, "the grant's validity ended", NOW))
                .expectResultMessagePayload(false);

        IdentityId contractor = IdentityId.of("carla");
        identities.add(new IdentityFacts(contractor, IdentityKind.HUMAN, IdentityStatus.ACTIVE, null, IdentityId.of("bob"), null,
                Set.of(), FROM.plus(Duration.ofHours(6))));
        fixture.given(new AccessGranted(GRANT, REQUEST, contractor, OPERATE, FROM, FROM.plus(Duration.ofHours(4))))
                .when(new ExtendGrant(GRANT, AccessRequestId.of("r-2"), FROM.plus(Duration.ofHours(9))))
                .expectEvents(new GrantExtended(GRANT, AccessRequestId.of("r-2"), contractor, OPERATE, FROM.plus(Duration.ofHours(4)),
                        FROM.plus(Duration.ofHours(6))));
    }

    @Test
    void theExpiryTimerEndsAGrantWhoseTimeIsUpAndAnswersAnEndAnExtensionMoved() {
        // NOW is an hour after FROM
        fixture.given(granted(ALICE, Duration.ofMinutes(30)))
                .when(new ExpireGrant(GRANT))
                .expectEvents(new GrantRevoked(GRANT, ALICE, OPERATE, EndReason.EXPIRED, "the grant's validity ended", NOW))
                .expectResultMessagePayload(null);
        fixture.given(granted(ALICE, Duration.ofMinutes(30)),
                        new GrantExtended(GRANT, AccessRequestId.of("r-2"), ALICE, OPERATE, FROM.plus(Duration.ofMinutes(30)), FROM.plus(Duration.ofHours(5))))
                .when(new ExpireGrant(GRANT))
                .expectNoEvents()
                .expectResultMessagePayload(FROM.plus(Duration.ofHours(5)));
        fixture.given(granted(ALICE, Duration.ofMinutes(30)), revoked(EndReason.REVOKED))
                .when(new ExpireGrant(GRANT))
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }

    private static GrantAccess grant(IdentityId identity, EntitlementId entitlement, Duration length) {
        return new GrantAccess(GRANT, REQUEST, identity, entitlement, FROM, FROM.plus(length));
    }

    private static AccessGranted granted(IdentityId identity, Duration length) {
        return new AccessGranted(GRANT, REQUEST, identity, OPERATE, FROM, FROM.plus(length));
    }

    private static GrantRevoked revoked(EndReason reason) {
        return new GrantRevoked(GRANT, ALICE, OPERATE, reason, null, NOW);
    }
}
