package io.grantline.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default approval policy of DESIGN.md, as dmn/approval-policy.dmn encodes it: one row per risk tier, and break-glass. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "dmn/approval-policy.dmn")
class ApprovalPolicyTest {

    ProcessEngine engine;

    @ParameterizedTest(name = "{0} → stages {1}")
    @CsvSource(delimiter = '|', textBlock = """
            LOW      | MANAGER
            MEDIUM   | MANAGER
            HIGH     | MANAGER, RESOURCE_OWNER
            CRITICAL | MANAGER, RESOURCE_OWNER, OT_SECURITY
            """)
    void riskTierDecidesTheApprovalStagesInOrder(String riskTier, String stagesInOrder) {
        DmnDecisionTableResult result = evaluate("approval-stages", riskTier);

        List<String> stages = result.collectEntries("stage");
        assertThat(stages).containsExactly(stagesInOrder.split(",\\s*"));
    }

    @ParameterizedTest(name = "{0} → re-authentication {1}, longest grant {2}")
    @CsvSource(delimiter = '|', textBlock = """
            LOW      | false |
            MEDIUM   | false |
            HIGH     | false |
            CRITICAL | true  | PT8H
            """)
    void riskTierDecidesReauthenticationAndTheLongestGrant(String riskTier, boolean reauthentication, String longestGrant) {
        DmnDecisionTableResult result = evaluate("approval-limits", riskTier);

        assertThat(result).hasSize(1);
        Map<String, Object> limits = result.getSingleResult().getEntryMap();
        assertThat(limits).containsEntry("reauthentication", reauthentication);
        // empty: no limit of the policy's own, the entitlement's maximum applies
        assertThat((String) limits.get("longestGrant")).isEqualTo(longestGrant);
    }

    @Test
    void aRiskTierThePolicyDoesNotKnowGetsNoStageAndNoLimits() {
        assertThat(evaluate("approval-stages", "UNCLASSIFIED")).isEmpty();
        assertThat(evaluate("approval-limits", "UNCLASSIFIED")).isEmpty();
    }

    @ParameterizedTest(name = "break-glass for {0} → reviewed by the owner, then OT security; fresh sign-in; 4 hours")
    @CsvSource({"LOW", "MEDIUM", "HIGH", "CRITICAL"})
    void breakGlassOfAnyTierIsReviewedByTheOwnerAndOtSecurityAndLastsFourHoursAtMost(String riskTier) {
        assertThat(evaluate("approval-stages", riskTier, true).collectEntries("stage"))
                .containsExactly("RESOURCE_OWNER", "OT_SECURITY");
        DmnDecisionTableResult limits = evaluate("approval-limits", riskTier, true);
        assertThat(limits).hasSize(1);
        assertThat(limits.getSingleResult().getEntryMap()).containsEntry("reauthentication", true)
                .containsEntry("longestGrant", "PT4H");
    }

    private DmnDecisionTableResult evaluate(String decision, String riskTier) {
        return evaluate(decision, riskTier, false);
    }

    private DmnDecisionTableResult evaluate(String decision, String riskTier, boolean emergency) {
        return engine.getDecisionService().evaluateDecisionTableByKey(decision, Map.of("riskTier", riskTier, "emergency", emergency));
    }
}
