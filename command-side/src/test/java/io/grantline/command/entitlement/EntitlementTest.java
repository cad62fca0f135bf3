package io.grantline.command.entitlement;

import static org.hamcrest.Matchers.containsString;

import io.grantline.api.entitlement.ChangeEntitlementPolicy;
import io.grantline.api.entitlement.ConnectorKind;
import io.grantline.api.entitlement.DefineEntitlement;
import io.grantline.api.entitlement.EntitlementDefined;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.EntitlementPolicyChanged;
import io.grantline.api.entitlement.EntitlementProvisioningSet;
import io.grantline.api.entitlement.EntitlementRetired;
import io.grantline.api.entitlement.PrivilegeLevel;
import io.grantline.api.entitlement.Provisioning;
import io.grantline.api.entitlement.RetireEntitlement;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.command.entitlement.EntitlementRuleViolation.EntitlementAlreadyDefined;
import io.grantline.command.entitlement.EntitlementRuleViolation.EntitlementNotFound;
import io.grantline.command.entitlement.EntitlementRuleViolation.EntitlementRetiredAlready;
import io.grantline.command.entitlement.EntitlementRuleViolation.InvalidEntitlementField;
import io.grantline.command.identity.IdentityRuleViolation.IdentityNotFound;
import io.grantline.command.identity.IdentityRuleViolation.NotAnActiveHuman;
import io.grantline.command.identity.KnownIdentities;
import java.time.Duration;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EntitlementTest {

    private static final EntitlementId PLC7_OPERATE = EntitlementId.of("plc-7-operate");
    private static final EntitlementId PLC7_ENGINEER = EntitlementId.of("plc-7-engineer");
    private static final IdentityId OWNER = IdentityId.of("olga");

    private FixtureConfiguration<Entitlement> fixture;
    private KnownEntitlements catalog;

    @BeforeEach
    void setUp() {
        catalog = new KnownEntitlements().entry("plc-7-engineer", RiskTier.HIGH, "olga");
        fixture = new AggregateTestFixture<>(Entitlement.class);
        fixture.registerInjectableResource(new KnownIdentities().person("olga").person("gone", IdentityStatus.DEPARTED));
        fixture.registerInjectableResource(catalog);
    }

    @Test
    void anEntitlementIsDefinedWithItsConflicts() {
        fixture.givenNoPriorActivity()
                .when(define(PLC7_OPERATE, OWNER, Duration.ofHours(8), Set.of(PLC7_ENGINEER)))
                .expectEvents(new EntitlementDefined(PLC7_OPERATE, "PLC-7", "Line 3 SCADA", "cell-3", PrivilegeLevel.OPERATE,
                        RiskTier.CRITICAL, OWNER, Duration.ofHours(8), Set.of(PLC7_ENGINEER)));
    }

    @Test
    void anLdapBoundEntitlementNamesItsGroupByDn() {
        String group = "cn=plc-7-operators,ou=groups,dc=plant,dc=example";
        fixture.givenNoPriorActivity()
                .when(withProvisioning(new Provisioning(ConnectorKind.LDAP, " " + group + " ")))
                .expectEvents(defined(), new EntitlementProvisioningSet(PLC7_OPERATE, new Provisioning(ConnectorKind.LDAP, group)));
        fixture.givenNoPriorActivity()
                .when(withProvisioning(new Provisioning(ConnectorKind.LDAP, null)))
                .expectException(InvalidEntitlementField.class).expectExceptionMessage(containsString("names its group by DN"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(withProvisioning(new Provisioning(ConnectorKind.LDAP, "not a dn")))
                .expectException(InvalidEntitlementField.class);
        fixture.givenNoPriorActivity()
                .when(withProvisioning(new Provisioning(ConnectorKind.WEBHOOK, null)))
                .expectEvents(defined(), new EntitlementProvisioningSet(PLC7_OPERATE, new Provisioning(ConnectorKind.WEBHOOK, null)));
        fixture.givenNoPriorActivity()
                .when(withProvisioning(new Provisioning(null, null)))
                .expectException(InvalidEntitlementField.class).expectExceptionMessage(containsString("connector"));
    }

    @Test
    void anIdIsDefinedOnlyOnce() {
        fixture.givenNoPriorActivity()
                .when(define(PLC7_ENGINEER, OWNER, Duration.ofHours(8), Set.of()))
                .expectException(EntitlementAlreadyDefined.class)
                .expectNoEvents();
    }

    @Test
    void theOwnerMustExist() {
        fixture.givenNoPriorActivity()
                .when(define(PLC7_OPERATE, IdentityId.of("nobody"), Duration.ofHours(8), Set.of()))
                .expectException(IdentityNotFound.class);
    }

    @Test
    void theOwnerMustBeAnActivePerson() {
        fixture.givenNoPriorActivity()
                .when(define(PLC7_OPERATE, IdentityId.of("gone"), Duration.ofHours(8), Set.of()))
                .expectException(NotAnActiveHuman.class);
    }

    @Test
    void aConflictMustNameAKnownEntitlement() {
        fixture.givenNoPriorActivity()
                .when(define(PLC7_OPERATE, OWNER, Duration.ofHours(8), Set.of(EntitlementId.of("no-such"))))
                .expectException(EntitlementNotFound.class);
    }

    @Test
    void anEntitlementCannotConflictWithItself() {
        fixture.givenNoPriorActivity()
                .when(define(PLC7_OPERATE, OWNER, Duration.ofHours(8), Set.of(PLC7_OPERATE)))
                .expectException(InvalidEntitlementField.class);
    }

    @Test
    void theLongestGrantMustBePositiveAndAtMostAYear() {
        fixture.givenNoPriorActivity()
                .when(define(PLC7_OPERATE, OWNER, Duration.ZERO, Set.of()))
                .expectException(InvalidEntitlementField.class);
        fixture.givenNoPriorActivity()
                .when(define(PLC7_OPERATE, OWNER, Duration.ofDays(400), Set.of()))
                .expectException(InvalidEntitlementField.class);
    }

    @Test
    void anUnchangedPolicyRecordsNothing() {
        fixture.given(defined())
                .when(new ChangeEntitlementPolicy(PLC7_OPERATE, RiskTier.CRITICAL, Duration.ofHours(8), Set.of()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPolicyChangeIsRecorded() {
        fixture.given(defined())
                .when(new ChangeEntitlementPolicy(PLC7_OPERATE, RiskTier.HIGH, Duration.ofDays(7), Set.of(PLC7_ENGINEER)))
                .expectEvents(new EntitlementPolicyChanged(PLC7_OPERATE, RiskTier.HIGH, Duration.ofDays(7), Set.of(PLC7_ENGINEER)));
    }

    @Test
    void aRetiredEntitlementKeepsItsPolicy() {
        fixture.given(defined(), new EntitlementRetired(PLC7_OPERATE, "PLC replaced"))
                .when(new ChangeEntitlementPolicy(PLC7_OPERATE, RiskTier.LOW, Duration.ofDays(7), Set.of()))
                .expectException(EntitlementRetiredAlready.class);
    }

    @Test
    void retiringTwiceRecordsOnce() {
        fixture.given(defined(), new EntitlementRetired(PLC7_OPERATE, "PLC replaced"))
                .when(new RetireEntitlement(PLC7_OPERATE, "PLC replaced"))
                .expectNoEvents();
    }

    private static DefineEntitlement define(EntitlementId id, IdentityId owner, Duration max, Set<EntitlementId> conflicts) {
        return new DefineEntitlement(id, "PLC-7", "Line 3 SCADA", "cell-3", PrivilegeLevel.OPERATE, RiskTier.CRITICAL, owner,
                max, conflicts);
    }

    private static DefineEntitlement withProvisioning(Provisioning provisioning) {
        return new DefineEntitlement(PLC7_OPERATE, "PLC-7", "Line 3 SCADA", "cell-3", PrivilegeLevel.OPERATE, RiskTier.CRITICAL,
                OWNER, Duration.ofHours(8), Set.of(), provisioning);
    }

    private static EntitlementDefined defined() {
        return new EntitlementDefined(PLC7_OPERATE, "PLC-7", "Line 3 SCADA", "cell-3", PrivilegeLevel.OPERATE, RiskTier.CRITICAL,
                OWNER, Duration.ofHours(8), Set.of());
    }
}
