package io.grantline.infra.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantline.infra.support.Api;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import io.grantline.infra.support.SwitchableConnector;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A target system that refuses a grant leaves it PENDING_PROVISIONING with an incident (what Cockpit shows), while other
 * requests keep flowing to ACTIVE; a retry recovers it.
 */
class ProvisioningIncidentTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "incident-password-1";

    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    SwitchableConnector connector;

    @Test
    void aFailingConnectorLeavesAnIncidentAndARetryRecoversTheGrant() {
        Catalog catalog = new Catalog(admin());
        String manager = catalog.signIn(catalog.person("mona", null), PASSWORD);
        String requester = catalog.signIn(catalog.person("nils", manager), PASSWORD);
        String entitlement = "flaky-" + catalog.id("plc-9");
        assertThat(admin().post("/api/entitlements", """
                {"id":"%s","resource":"PLC-9","system":"Line 9","zone":"cell-9","level":"OPERATE","risk":"LOW","ownerId":"%s",
                 "maxDuration":"PT8H","sodConflicts":[]}""".formatted(entitlement, manager)).status()).isEqualTo(202);
        catalog.awaitVisible("/api/entitlements/" + entitlement);

        Api.Response filed = api().as(requester, PASSWORD).post("/api/access-requests",
                "{\"entitlementId\":\"" + entitlement + "\",\"justification\":\"firmware update\"}");
        String requestId = filed.json().get("id").asText();
        assertThat(api().as(manager, PASSWORD).post("/api/approvals/" + awaitTask(manager, requestId) + "/decision", "{\"outcome\":\"APPROVE\"}").status())
                .isEqualTo(202);
        String grantId = await().atMost(Duration.ofSeconds(20)).until(() ->
                admin().get("/api/access-requests/" + requestId).json().path("grantId").asText(), id -> !id.isEmpty());

        Incident incident = await().atMost(Duration.ofSeconds(20)).until(() -> {
            failDueProvisioningJob(grantId);
            return runtime.createIncidentQuery().processInstanceId(instanceOf(grantId)).singleResult();
        }, found -> found != null);
        assertThat(incident.getActivityId()).isEqualTo("provision");
        assertThat(admin().get("/api/grants/" + grantId).json().get("status").asText()).isEqualTo("PENDING_PROVISIONING");
        assertThat(eventStore.countOfType("grant:" + grantId, "GrantProvisioningFailed"))
                .as("the grant's own history says its provisioning failed").isEqualTo(1);

        // the incident holds up that grant only: another request is filed, decided and provisioned meanwhile
        String steady = catalog.entitlement("hmi-9", "LOW", manager, "PT8H");
        String otherRequest = api().as(requester, PASSWORD).post("/api/access-requests",
                "{\"entitlementId\":\"" + steady + "\",\"justification\":\"shift handover\"}").json().get("id").asText();
        assertThat(api().as(manager, PASSWORD).post("/api/approvals/" + awaitTask(manager, otherRequest) + "/decision",
                "{\"outcome\":\"APPROVE\"}").status()).isEqualTo(202);
        String otherGrant = await().atMost(Duration.ofSeconds(20)).until(() ->
                admin().get("/api/access-requests/" + otherRequest).json().path("grantId").asText(), id -> !id.isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "ACTIVE".equals(admin().get("/api/grants/" + otherGrant).json().get("status").asText()));
        assertThat(runtime.createIncidentQuery().processInstanceId(instanceOf(grantId)).count()).as("the incident is still open").isEqualTo(1);

        connector.targetSystemUp();
        management.setJobRetries(incident.getConfiguration(), 1);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                "ACTIVE".equals(admin().get("/api/grants/" + grantId).json().get("status").asText()));
        assertThat(runtime.createIncidentQuery().processInstanceId(instanceOf(grantId)).count()).isZero();
    }

    private String awaitTask(String approver, String requestId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode item : api().as(approver, PASSWORD).get("/api/approvals/inbox").json()) {
                if (item.get("requestId").asText().equals(requestId)) {
                    return item.get("taskId").asText();
                }
            }
            return null;
        }, id -> id != null);
    }

    /** Runs the provisioning job now instead of waiting for its 10 s retry interval; it fails while the target is down. */
    private void failDueProvisioningJob(String grantId) {
        String instance = instanceOf(grantId);
        if (instance == null) {
            return;
        }
        for (Job job : management.createJobQuery().processInstanceId(instance).withRetriesLeft().list()) {
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException refusedByTheTarget) {
                // expected: each failure uses up one retry
            }
        }
    }

    private String instanceOf(String grantId) {
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(grantId).processDefinitionKey("grant-lifecycle")
                .singleResult();
        return instance == null ? null : instance.getId();
    }
}
