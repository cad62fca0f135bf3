package io.grantline.command.identity;

import static org.hamcrest.Matchers.containsString;

import io.grantline.api.identity.AssignOwner;
import io.grantline.api.identity.AssignRoles;
import io.grantline.api.identity.AssignSponsor;
import io.grantline.api.identity.DirectoryEntryAssigned;
import io.grantline.api.identity.EndSponsorship;
import io.grantline.api.identity.IdentityDeparted;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.IdentityMarkedCompromised;
import io.grantline.api.identity.IdentityRegistered;
import io.grantline.api.identity.IdentityReinstated;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.api.identity.IdentitySuspended;
import io.grantline.api.identity.MarkIdentityCompromised;
import io.grantline.api.identity.OwnerAssigned;
import io.grantline.api.identity.RecordDeparture;
import io.grantline.api.identity.RegisterIdentity;
import io.grantline.api.identity.ReinstateIdentity;
import io.grantline.api.identity.Role;
import io.grantline.api.identity.RolesAssigned;
import io.grantline.api.identity.SponsorAssigned;
import io.grantline.command.identity.IdentityRuleViolation.IdentityAlreadyRegistered;
import io.grantline.command.identity.IdentityRuleViolation.IdentityNotActive;
import io.grantline.command.identity.IdentityRuleViolation.IdentityNotFound;
import io.grantline.command.identity.IdentityRuleViolation.InvalidIdentityField;
import io.grantline.command.identity.IdentityRuleViolation.NotAnActiveHuman;
import io.grantline.command.identity.IdentityRuleViolation.OwnerNotAllowed;
import io.grantline.command.identity.IdentityRuleViolation.OwnerRequired;
import io.grantline.command.identity.IdentityRuleViolation.RolesOnlyForHumans;
import io.grantline.command.identity.IdentityRuleViolation.SelfReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdentityTest {

    private static final IdentityId ALICE = IdentityId.of("alice");
    private static final IdentityId BOB = IdentityId.of("bob");
    private static final IdentityId SCADA_SVC = IdentityId.of("scada-historian-svc");
    private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

    private FixtureConfiguration<Identity> fixture;
    private KnownIdentities others;

    @BeforeEach
    void setUp() {
        others = new KnownIdentities().person("bob").person("carol", IdentityStatus.DEPARTED);
        fixture = new AggregateTestFixture<>(Identity.class);
        fixture.registerInjectableResource(others);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aContractorIsRegisteredWithTheSponsorWhoVouchesForThemUntilTheirEnd() {
        Instant ends = NOW.plus(Duration.ofDays(30));
        fixture.givenNoPriorActivity()
                .when(new RegisterIdentity(ALICE, IdentityKind.HUMAN, "Alice (Integrator Ltd)", null, null, null, null, true, BOB, ends))
                .expectEvents(new IdentityRegistered(ALICE, IdentityKind.HUMAN, "Alice (Integrator Ltd)", null, null, null, Set.of()),
                        new SponsorAssigned(ALICE, BOB, ends));
    }

    @Test
    void aContractorNeedsAnActiveSponsorOtherThanThemselvesAndAnEndInTheFuture() {
        Instant ends = NOW.plus(Duration.ofDays(30));
        fixture.givenNoPriorActivity()
                .when(new RegisterIdentity(ALICE, IdentityKind.HUMAN, "Alice", null, null, null, null, true, null, ends))
                .expectException(InvalidIdentityField.class).expectExceptionMessage(containsString("sponsor")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterIdentity(ALICE, IdentityKind.HUMAN, "Alice", null, null, null, null, true, IdentityId.of("carol"), ends))
                .expectException(NotAnActiveHuman.class);
        fixture.givenNoPriorActivity()
                .when(new RegisterIdentity(ALICE, IdentityKind.HUMAN, "Alice", null, null, null, null, true, ALICE, ends))
                .expectException(SelfReference.class);
        fixture.givenNoPriorActivity()
                .when(new RegisterIdentity(ALICE, IdentityKind.HUMAN, "Alice", null, null, null, null, true, BOB, NOW.minusSeconds(1)))
                .expectException(InvalidIdentityField.class).expectExceptionMessage(containsString("endsAt"));
        fixture.givenNoPriorActivity()
                .when(new RegisterIdentity(SCADA_SVC, IdentityKind.SERVICE_ACCOUNT, "svc", null, null, BOB, null, true, BOB, ends))
                .expectException(InvalidIdentityField.class).expectExceptionMessage(containsString("only a person"));
        fixture.givenNoPriorActivity()
                .when(new RegisterIdentity(ALICE, IdentityKind.HUMAN, "Alice", null, null, null, null, false, BOB, null))
                .expectException(InvalidIdentityField.class).expectExceptionMessage(containsString("only an external person"));
        fixture.givenNoPriorActivity()
                .when(new RegisterIdentity(ALICE, IdentityKind.HUMAN, "Alice", null, null, null, null, true, BOB,
                        NOW.plus(Duration.ofDays(400))))
                .expectException(InvalidIdentityField.class).expectExceptionMessage(containsString("at most a year"));
        others.add(new IdentityFacts(IdentityId.of("vera"), IdentityKind.HUMAN, IdentityStatus.ACTIVE, null, null, null, Set.of(), ends));
        fixture.givenNoPriorActivity()
                .when(new RegisterIdentity(ALICE, IdentityKind.HUMAN, "Alice", null, null, null, null, true, IdentityId.of("vera"), ends))
                .expectException(InvalidIdentityField.class).expectExceptionMessage(containsString("own staff"));
    }

    @Test
    void anIdentityMayCarryItsDirectoryEntry() {
        String dn = "uid=alice,ou=people,dc=plant,dc=example";
        fixture.givenNoPriorActivity()
                .when(new RegisterIdentity(ALICE, IdentityKind.HUMAN, "Alice", null, null, null, null, false, null, null, dn))
                .expectEvents(new IdentityRegistered(ALICE, IdentityKind.HUMAN, "Alice", null, null, null, Set.of()),
                        new DirectoryEntryAssigned(ALICE, dn));
        fixture.givenNoPriorActivity()
                .when(new RegisterIdentity(ALICE, IdentityKind.HUMAN, "Alice", null, null, null, null, false, null, null, "alice"))
                .expectException(InvalidIdentityField.class).expectExceptionMessage(containsString("distinguished name"))
                .expectNoEvents();
    }

    @Test
    void anEndIsKeptToTheMillisecondAsEveryCopyOfItIs() {
        Instant precise = NOW.plus(Duration.ofDays(30)).plusNanos(123_456_789);
        fixture.givenNoPriorActivity()
                .when(new RegisterIdentity(ALICE, IdentityKind.HUMAN, "Alice", null, null, null, null, true, BOB, precise))
                .expectEvents(new IdentityRegistered(ALICE, IdentityKind.HUMAN, "Alice", null, null, null, Set.of()),
                        new SponsorAssigned(ALICE, BOB, NOW.plus(Duration.ofDays(30)).plusMillis(123)));
    }

    @Test
    void aSponsorshipEndsTheContractorAtItsEndUnlessItWasMovedSince() {
        Instant first = NOW.plus(Duration.ofDays(30));
        Instant extended = NOW.plus(Duration.ofDays(60));
        IdentityRegistered registered = new IdentityRegistered(ALICE, IdentityKind.HUMAN, "Alice", null, null, null, Set.of());
        fixture.given(registered, new SponsorAssigned(ALICE, BOB, first))
                .when(new AssignSponsor(ALICE, BOB, extended))
                .expectEvents(new SponsorAssigned(ALICE, BOB, extended));
        fixture.given(registered, new SponsorAssigned(ALICE, BOB, first), new SponsorAssigned(ALICE, BOB, extended))
                .when(new EndSponsorship(ALICE, first))
                .expectNoEvents();
        fixture.given(registered, new SponsorAssigned(ALICE, BOB, first))
                .when(new EndSponsorship(ALICE, first))
                .expectEvents(new IdentityDeparted(ALICE, "sponsorship by bob ended " + first));
        fixture.given(registered)
                .when(new AssignSponsor(ALICE, BOB, extended))
                .expectException(InvalidIdentityField.class);
    }

    @Test
    void aPersonIsRegisteredWithManagerAndRoles() {
        fixture.givenNoPriorActivity()
                .when(new RegisterIdentity(ALICE, IdentityKind.HUMAN, " Alice Operator ", "alice@plant.example", BOB, null,
                        Set.of(Role.OT_SECURITY)))
                .expectEvents(new IdentityRegistered(ALICE, IdentityKind.HUMAN, "Alice Operator", "alice@plant.example", BOB,
                        null, Set.of(Role.OT_SECURITY)));
    }

    @Test
    void aServiceAccountIsRegisteredWithItsAccountableOwner() {
        fixture.givenNoPriorActivity()
                .when(new RegisterIdentity(SCADA_SVC, IdentityKind.SERVICE_ACCOUNT, "Historian", null, null, BOB, null))
                .expectEvents(new IdentityRegistered(SCADA_SVC, IdentityKind.SERVICE_ACCOUNT, "Historian", null, null, BOB,
                        Set.of()));
    }

    @Test
    void aNonHumanIdentityWithoutOwnerIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterIdentity(SCADA_SVC, IdentityKind.AI_AGENT, "Copilot", null, null, null, null))
                .expectException(OwnerRequired.class)
                .expectNoEvents();
    }

    @Test
    void aDepartedPersonCannotOwnAnIdentity() {
        fixture.givenNoPriorActivity()
                .when(new RegisterIdentity(SCADA_SVC, IdentityKind.MACHINE, "PLC-7", null, null, IdentityId.of("carol"), null))
                .expectException(NotAnActiveHuman.class)
                .expectNoEvents();
    }

    @Test
    void aMachineCannotOwnAnIdentity() {
        others.add(new IdentityFacts(IdentityId.of("plc-7"), IdentityKind.MACHINE, IdentityStatus.ACTIVE, null, null, BOB, Set.of()));
        fixture.givenNoPriorActivity()
                .when(new RegisterIdentity(SCADA_SVC, IdentityKind.API_CREDENTIAL, "Key", null, null, IdentityId.of("plc-7"), null))
                .expectException(NotAnActiveHuman.class);
    }

    @Test
    void anUnknownManagerIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterIdentity(ALICE, IdentityKind.HUMAN, "Alice", null, IdentityId.of("nobody"), null, null))
                .expectException(IdentityNotFound.class)
                .expectNoEvents();
    }

    @Test
    void aPersonCannotManageThemself() {
        fixture.givenNoPriorActivity()
                .when(new RegisterIdentity(ALICE, IdentityKind.HUMAN, "Alice", null, ALICE, null, null))
                .expectException(SelfReference.class);
    }

    @Test
    void anIdIsRegisteredOnlyOnce() {
        others.person("alice");
        fixture.givenNoPriorActivity()
                .when(new RegisterIdentity(ALICE, IdentityKind.HUMAN, "Alice again", null, null, null, null))
                .expectException(IdentityAlreadyRegistered.class)
                .expectNoEvents();
    }

    @Test
    void aPersonHasNoOwner() {
        fixture.givenNoPriorActivity()
                .when(new RegisterIdentity(ALICE, IdentityKind.HUMAN, "Alice", null, null, BOB, null))
                .expectException(OwnerNotAllowed.class);
    }

    @Test
    void nonHumanIdentitiesHoldNoRoles() {
        fixture.givenNoPriorActivity()
                .when(new RegisterIdentity(SCADA_SVC, IdentityKind.SERVICE_ACCOUNT, "Historian", null, null, BOB,
                        Set.of(Role.ADMINISTRATOR)))
                .expectException(RolesOnlyForHumans.class);
    }

    @Test
    void aMalformedEmailIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterIdentity(ALICE, IdentityKind.HUMAN, "Alice", "alice at plant", null, null, null))
                .expectException(InvalidIdentityField.class);
    }

    @Test
    void assigningTheSameRolesTwiceRecordsThemOnce() {
        fixture.given(alice(), new RolesAssigned(ALICE, Set.of(Role.COMPLIANCE_OFFICER), Set.of()))
                .when(new AssignRoles(ALICE, Set.of(Role.COMPLIANCE_OFFICER)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rolesAreReplacedAsAWhole() {
        fixture.given(alice(), new RolesAssigned(ALICE, Set.of(Role.COMPLIANCE_OFFICER), Set.of()))
                .when(new AssignRoles(ALICE, Set.of(Role.OT_SECURITY)))
                .expectEvents(new RolesAssigned(ALICE, Set.of(Role.OT_SECURITY), Set.of(Role.COMPLIANCE_OFFICER)));
    }

    @Test
    void aCompromiseIsRecordedOnce() {
        fixture.given(alice(), new IdentityMarkedCompromised(ALICE, "phished"))
                .when(new MarkIdentityCompromised(ALICE, "phished again"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCompromiseNeedsAReason() {
        fixture.given(alice())
                .when(new MarkIdentityCompromised(ALICE, "  "))
                .expectException(InvalidIdentityField.class);
    }

    @Test
    void aDepartedPersonCannotBeReinstated() {
        fixture.given(alice(), new IdentityDeparted(ALICE, "left the company"))
                .when(new ReinstateIdentity(ALICE, "came back"))
                .expectException(IdentityNotActive.class);
    }

    @Test
    void aDepartureIsRecordedOnce() {
        fixture.given(alice(), new IdentityDeparted(ALICE, "left"))
                .when(new RecordDeparture(ALICE, "left"))
                .expectNoEvents();
    }

    @Test
    void aNewOwnerReinstatesASuspendedIdentity() {
        others.person("dave");
        fixture.given(new IdentityRegistered(SCADA_SVC, IdentityKind.SERVICE_ACCOUNT, "Historian", null, null, BOB, Set.of()),
                        new IdentitySuspended(SCADA_SVC, "owner departed"))
                .when(new AssignOwner(SCADA_SVC, IdentityId.of("dave")))
                .expectEvents(new OwnerAssigned(SCADA_SVC, IdentityId.of("dave"), BOB),
                        new IdentityReinstated(SCADA_SVC, "new accountable owner dave"));
    }

    @Test
    void aPersonCannotBeHandedToAnOwner() {
        fixture.given(alice())
                .when(new AssignOwner(ALICE, BOB))
                .expectException(OwnerNotAllowed.class);
    }

    private static IdentityRegistered alice() {
        return new IdentityRegistered(ALICE, IdentityKind.HUMAN, "Alice", "alice@plant.example", BOB, null, Set.of());
    }
}
