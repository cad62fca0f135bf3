package io.grantline.query.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantline.api.entitlement.EntitlementDefined;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.EntitlementPolicyChanged;
import io.grantline.api.entitlement.EntitlementSummary;
import io.grantline.api.entitlement.FindEntitlement;
import io.grantline.api.entitlement.PrivilegeLevel;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.identity.FindIdentity;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.IdentityMarkedCompromised;
import io.grantline.api.identity.IdentityRegistered;
import io.grantline.api.identity.IdentityReinstated;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.api.identity.ListIdentities;
import io.grantline.api.identity.Role;
import io.grantline.api.identity.RolesAssigned;
import io.grantline.query.MongoTestServer;
import java.time.Duration;
import java.util.Set;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The catalog projection on a real MongoDB-protocol server. */
class CatalogProjectionTest {

    private static final IdentityId ALICE = IdentityId.of("alice");
    private static final EntitlementId PLC7 = EntitlementId.of("plc-7-operate");

    @RegisterExtension
    static final MongoTestServer MONGO = new MongoTestServer();

    private CatalogProjection projection;

    @BeforeEach
    void setUp() {
        MongoTemplate mongo = MONGO.template("catalog-test");
        projection = new CatalogProjection(mongo);
        projection.reset();
    }

    @Test
    void aRegisteredPersonCanBeFound() {
        projection.on(alice(), 0);

        assertThat(projection.handle(new FindIdentity(ALICE))).contains(new IdentitySummary(ALICE, IdentityKind.HUMAN, "Alice",
                "alice@plant.example", IdentityId.of("bob"), null, Set.of(Role.OT_SECURITY), IdentityStatus.ACTIVE));
        assertThat(projection.handle(new FindIdentity(IdentityId.of("nobody")))).isEmpty();
    }

    @Test
    void anEventHandledTwiceChangesNothing() {
        projection.on(alice(), 0);
        projection.on(new RolesAssigned(ALICE, Set.of(Role.COMPLIANCE_OFFICER), Set.of(Role.OT_SECURITY)), 1);
        projection.on(new IdentityMarkedCompromised(ALICE, "phished"), 2);
        IdentitySummary once = projection.handle(new FindIdentity(ALICE)).orElseThrow();

        projection.on(alice(), 0);
        projection.on(new RolesAssigned(ALICE, Set.of(Role.COMPLIANCE_OFFICER), Set.of(Role.OT_SECURITY)), 1);
        projection.on(new IdentityMarkedCompromised(ALICE, "phished"), 2);

        assertThat(projection.handle(new FindIdentity(ALICE))).contains(once);
        assertThat(once.status()).isEqualTo(IdentityStatus.COMPROMISED);
        assertThat(once.roles()).containsExactly(Role.COMPLIANCE_OFFICER);
    }

    @Test
    void anOlderEventDeliveredLateDoesNotUndoANewerOne() {
        projection.on(alice(), 0);
        projection.on(new IdentityMarkedCompromised(ALICE, "phished"), 1);
        projection.on(new IdentityReinstated(ALICE, "new password"), 2);

        projection.on(new IdentityMarkedCompromised(ALICE, "phished"), 1);

        assertThat(projection.handle(new FindIdentity(ALICE)).orElseThrow().status()).isEqualTo(IdentityStatus.ACTIVE);
    }

    @Test
    void withinOneBatchAStreamSeenAgainOrLateChangesNothing() {
        // a tracking processor handles a batch in one unit of work, where the projection remembers the versions it saw
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            projection.on(alice(), 0);
            projection.on(new IdentityMarkedCompromised(ALICE, "phished"), 1);
            projection.on(new IdentityReinstated(ALICE, "new password"), 2);
            projection.on(new RolesAssigned(ALICE, Set.of(Role.COMPLIANCE_OFFICER), Set.of(Role.OT_SECURITY)), 3);

            projection.on(new IdentityMarkedCompromised(ALICE, "phished"), 1);
            projection.on(alice(), 0);
            projection.on(new IdentityMarkedCompromised(ALICE, "phished"), 1);
        });

        IdentitySummary alice = projection.handle(new FindIdentity(ALICE)).orElseThrow();
        assertThat(alice.status()).isEqualTo(IdentityStatus.ACTIVE);
        assertThat(alice.roles()).containsExactly(Role.COMPLIANCE_OFFICER);
    }

    @Test
    void identitiesAreListedByKindInIdOrder() {
        projection.on(new IdentityRegistered(IdentityId.of("zed"), IdentityKind.HUMAN, "Zed", null, null, null, Set.of()), 0);
        projection.on(alice(), 0);
        projection.on(new IdentityRegistered(IdentityId.of("svc"), IdentityKind.SERVICE_ACCOUNT, "Svc", null, null, ALICE, Set.of()), 0);

        assertThat(projection.handle(new ListIdentities(null))).extracting(s -> s.id().value()).containsExactly("alice", "svc", "zed");
        assertThat(projection.handle(new ListIdentities(IdentityKind.HUMAN))).extracting(s -> s.id().value()).containsExactly("alice", "zed");
    }

    @Test
    void anEntitlementShowsItsCurrentPolicy() {
        projection.on(new EntitlementDefined(PLC7, "PLC-7", "Line 3 SCADA", "cell-3", PrivilegeLevel.OPERATE, RiskTier.HIGH, ALICE,
                Duration.ofHours(8), Set.of()), 0);
        projection.on(new EntitlementPolicyChanged(PLC7, RiskTier.CRITICAL, Duration.ofHours(4), Set.of(EntitlementId.of("plc-7-eng"))), 1);

        assertThat(projection.handle(new FindEntitlement(PLC7))).contains(new EntitlementSummary(PLC7, "PLC-7", "Line 3 SCADA",
                "cell-3", PrivilegeLevel.OPERATE, RiskTier.CRITICAL, ALICE, Duration.ofHours(4), Set.of(EntitlementId.of("plc-7-eng")),
                false));
    }

    private static IdentityRegistered alice() {
        return new IdentityRegistered(ALICE, IdentityKind.HUMAN, "Alice", "alice@plant.example", IdentityId.of("bob"), null,
                Set.of(Role.OT_SECURITY));
    }
}
