package io.grantline.workflow.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.ApprovalPolicy;
import io.grantline.api.request.ApprovalPolicyApplied;
import io.grantline.api.request.ApprovalStage;
import io.grantline.infra.support.Api;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An event the bridge handles a second time (a redelivery, a replayed batch) starts nothing twice. */
class ProcessBridgeIdempotencyTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "bridge-password-1";

    @Autowired
    ProcessBridge bridge;
    @Autowired
    RuntimeService runtime;

    @Test
    void anAppliedPolicyHandledTwiceStartsOneProcess() {
        Catalog catalog = new Catalog(admin());
        String manager = catalog.person("bea", null);
        String requester = catalog.signIn(catalog.person("bob", manager), PASSWORD);
        String entitlement = catalog.entitlement("dcs-read", "LOW", manager, "PT8H");
        Api.Response filed = api().as(requester, PASSWORD).post("/api/access-requests",
                "{\"entitlementId\":\"" + entitlement + "\",\"justification\":\"shift handover\"}");
        String requestId = filed.json().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> instances(requestId) == 1);

        bridge.on(new ApprovalPolicyApplied(AccessRequestId.of(requestId), new ApprovalPolicy(List.of(ApprovalStage.MANAGER),
                false, null, new ApprovalPolicy.DecisionTableRef("approval-policy", 1))), "admin");

        assertThat(instances(requestId)).isEqualTo(1);
    }

    private long instances(String businessKey) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("access-request").processInstanceBusinessKey(businessKey).count();
    }
}
