package io.grantline.workflow.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.grant.GrantAccess;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The kill switch does not queue behind the general process bridge: with that bridge stopped (as if it were working
 * through a burst of filings or of another lockout's revocations), a compromise still revokes every grant of the
 * identity; the grants' own processes deprovision them once the bridge runs again.
 */
class LockoutBridgeTest extends GrantlineIntegrationTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    EventProcessingConfiguration processors;

    @Test
    void aCompromiseRevokesEveryGrantWhileTheProcessBridgeStands() {
        Catalog catalog = new Catalog(admin());
        String owner = catalog.person("oona", null);
        String holder = catalog.person("hank", null);
        String entitlement = catalog.entitlement("press-line-hmi", "LOW", owner, "PT8H");
        Instant now = Instant.now();
        GrantId first = GrantId.of(catalog.id("lockout-grant-1"));
        GrantId second = GrantId.of(catalog.id("lockout-grant-2"));
        for (GrantId grant : new GrantId[] {first, second}) {
            commands.sendAndWait(new GrantAccess(grant, null, IdentityId.of(holder), EntitlementId.of(entitlement), now, now.plus(Duration.ofHours(4))));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> provisioned(first) && provisioned(second));

        TrackingEventProcessor processBridge = processors.eventProcessor(ProcessBridge.PROCESSING_GROUP, TrackingEventProcessor.class)
                .orElseThrow();
        processBridge.shutDown();
        try {
            assertThat(admin().post("/api/identities/" + holder + "/compromised", "{\"reason\":\"token found on a paste site\"}").status())
                    .isEqualTo(202);

            await().atMost(Duration.ofSeconds(20)).until(() -> revoked(first) && revoked(second));
            assertThat(eventStore.countOfType(first.toString(), "GrantDeprovisioned")).as("its process waits for the bridge").isZero();
        } finally {
            processBridge.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> eventStore.countOfType(first.toString(), "GrantDeprovisioned") == 1
                && eventStore.countOfType(second.toString(), "GrantDeprovisioned") == 1);
    }

    private boolean provisioned(GrantId grant) {
        return eventStore.countOfType(grant.toString(), "GrantProvisioned") == 1;
    }

    private boolean revoked(GrantId grant) {
        return eventStore.countOfType(grant.toString(), "GrantRevoked") == 1;
    }
}
