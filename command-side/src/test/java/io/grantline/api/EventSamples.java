package io.grantline.api;

import io.grantline.api.entitlement.EntitlementDefined;
import io.grantline.api.entitlement.EntitlementEvent;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.EntitlementOwnerChanged;
import io.grantline.api.entitlement.EntitlementPolicyChanged;
import io.grantline.api.entitlement.EntitlementRetired;
import io.grantline.api.entitlement.PrivilegeLevel;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.identity.IdentityDeparted;
import io.grantline.api.identity.IdentityEvent;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.IdentityMarkedCompromised;
import io.grantline.api.identity.IdentityRegistered;
import io.grantline.api.identity.IdentityReinstated;
import io.grantline.api.identity.IdentitySuspended;
import io.grantline.api.identity.ManagerAssigned;
import io.grantline.api.identity.OwnerAssigned;
import io.grantline.api.identity.Role;
import io.grantline.api.identity.RolesAssigned;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** One instance of every stored event type, each with every field filled, for the pinned-JSON tests. */
final class EventSamples {

    /** The sealed event families; every type they permit must have a sample and a pinned file. */
    static final List<Class<?>> FAMILIES = List.of(IdentityEvent.class, EntitlementEvent.class);

    private static final IdentityId ALICE = IdentityId.of("alice");
    private static final IdentityId BOB = IdentityId.of("bob");
    private static final IdentityId SVC = IdentityId.of("historian-svc");
    private static final EntitlementId OPERATE = EntitlementId.of("plc-7-operate");
    private static final EntitlementId ENGINEER = EntitlementId.of("plc-7-engineer");
    private static final EntitlementId ADMIN = EntitlementId.of("plc-7-admin");

    static final List<Object> ALL = List.of(
            new IdentityRegistered(ALICE, IdentityKind.HUMAN, "Alice Operator", "alice@plant.example", BOB, null,
                    Set.of(Role.OT_SECURITY, Role.COMPLIANCE_OFFICER)),
            new ManagerAssigned(ALICE, IdentityId.of("carol"), BOB),
            new OwnerAssigned(SVC, ALICE, BOB),
            new RolesAssigned(ALICE, Set.of(Role.SECURITY_OPERATOR), Set.of(Role.OT_SECURITY)),
            new IdentityMarkedCompromised(SVC, "key leaked in a public repository"),
            new IdentitySuspended(SVC, "owner departed"),
            new IdentityReinstated(SVC, "new accountable owner alice"),
            new IdentityDeparted(BOB, "left the company"),
            new EntitlementDefined(OPERATE, "PLC-7", "Line 3 SCADA", "cell-3", PrivilegeLevel.OPERATE, RiskTier.HIGH, ALICE,
                    Duration.ofHours(8), Set.of(ENGINEER, ADMIN)),
            new EntitlementOwnerChanged(OPERATE, BOB, ALICE),
            new EntitlementPolicyChanged(OPERATE, RiskTier.CRITICAL, Duration.ofDays(2), Set.of(ENGINEER)),
            new EntitlementRetired(OPERATE, "PLC-7 replaced by PLC-9"));

    private EventSamples() {
    }
}
