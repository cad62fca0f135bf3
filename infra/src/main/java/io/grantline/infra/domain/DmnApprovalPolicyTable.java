package io.grantline.infra.domain;

import io.grantline.api.entitlement.PrivilegeLevel;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.request.ApprovalPolicy;
import io.grantline.api.request.ApprovalStage;
import io.grantline.command.request.ApprovalPolicyTable;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DecisionRequirementsDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The approval policy as the site's DMN file says it ({@code approval-policy.dmn}: decisions {@code approval-stages}
 * and {@code approval-limits}), evaluated once when a request is filed, from the latest deployed version of the file.
 * The request records the file's key and that version, so a later redeployment (or a change through Cockpit) never
 * alters what an earlier request had to pass.
 */
@Component
class DmnApprovalPolicyTable implements ApprovalPolicyTable {

    static final String DECISION_REQUIREMENTS_KEY = "approval-policy";
    static final String STAGES_DECISION = "approval-stages";
    static final String LIMITS_DECISION = "approval-limits";

    /** Answers kept per deployed table and facts; a handful of tiers, levels, kinds and zones make a few hundred. */
    private static final int MOST_ANSWERS_KEPT = 10_000;

    private final RepositoryService repository;
    private final DecisionService decisions;
    private final JdbcClient jdbc;
    private final Map<PolicyQuestion, ApprovalPolicy> answers = new ConcurrentHashMap<>();

    DmnApprovalPolicyTable(RepositoryService repository, DecisionService decisions, JdbcClient jdbc) {
        this.repository = repository;
        this.decisions = decisions;
        this.jdbc = jdbc;
    }

    @Override
    public ApprovalPolicy decide(RiskTier risk, PrivilegeLevel level, IdentityKind beneficiaryKind, String zone, boolean emergency) {
        String tableId = latestTableId();
        // a deployed table never changes (a change is a new version with a new id): its answers can be kept
        PolicyQuestion question = new PolicyQuestion(tableId, risk, level, beneficiaryKind, zone, emergency);
        ApprovalPolicy known = answers.get(question);
        if (known != null) {
            return known;
        }
        if (answers.size() >= MOST_ANSWERS_KEPT) {
            answers.clear();
        }
        ApprovalPolicy policy = evaluate(repository.getDecisionRequirementsDefinition(tableId), question);
        answers.put(question, policy);
        return policy;
    }

    /**
     * The latest deployed version's id, asked at every filing so that a redeployment (from any node, or Cockpit)
     * applies from the next one. One query on the engine's small repository table, rather than the engine's
     * query API, which took a sixth of a filing's CPU on the request thread (docs/benchmarks.md); it assumes the
     * engine's default table names, as {@code StartedProcesses} does.
     */
    private String latestTableId() {
        return jdbc.sql("SELECT ID_ FROM ACT_RE_DECISION_REQ_DEF WHERE KEY_ = ? AND TENANT_ID_ IS NULL ORDER BY VERSION_ DESC "
                        + "FETCH FIRST 1 ROWS ONLY")
                .param(DECISION_REQUIREMENTS_KEY).query(String.class).optional()
                .orElseThrow(() -> new IllegalStateException("no approval policy is deployed (decision requirements '"
                        + DECISION_REQUIREMENTS_KEY + "')"));
    }

    /** What the table is asked: its deployment's id, and the facts its rules may test. */
    private record PolicyQuestion(String tableId, RiskTier risk, PrivilegeLevel level, IdentityKind beneficiaryKind, String zone,
                                  boolean emergency) {
    }

    /**
     * A site's table written before break-glass existed has no "emergency" input: it gives its usual answer, which the
     * aggregate raises to its break-glass floor (4 hours at most, re-authentication, OT security among the reviews).
     */
    private ApprovalPolicy evaluate(DecisionRequirementsDefinition table, PolicyQuestion question) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("riskTier", question.risk().name());
        facts.put("privilegeLevel", question.level() == null ? null : question.level().name());
        facts.put("identityKind", question.beneficiaryKind().name());
        facts.put("zone", question.zone());
        facts.put("emergency", question.emergency());

        List<ApprovalStage> stages = decisions.evaluateDecisionTableById(decision(table, STAGES_DECISION).getId(), facts)
                .collectEntries("stage").stream().map(stage -> stageNamed(String.valueOf(stage))).toList();
        DmnDecisionRuleResult limits = decisions.evaluateDecisionTableById(decision(table, LIMITS_DECISION).getId(), facts)
                .getSingleResult();
        // an empty output cell is absent from the result, not null
        Map<String, Object> limitEntries = limits == null ? Map.of() : limits.getEntryMap();
        boolean reauthentication = Boolean.TRUE.equals(limitEntries.get("reauthentication"));
        Duration longestGrant = duration(limitEntries.get("longestGrant"));
        return new ApprovalPolicy(stages, reauthentication, longestGrant,
                new ApprovalPolicy.DecisionTableRef(DECISION_REQUIREMENTS_KEY, table.getVersion()));
    }

    private DecisionDefinition decision(DecisionRequirementsDefinition table, String key) {
        DecisionDefinition decision = repository.createDecisionDefinitionQuery().decisionRequirementsDefinitionId(table.getId())
                .decisionDefinitionKey(key).singleResult();
        if (decision == null) {
            throw new IllegalStateException("the deployed approval policy (version " + table.getVersion() + ") has no decision '" + key + "'");
        }
        return decision;
    }

    private static ApprovalStage stageNamed(String name) {
        try {
            return ApprovalStage.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalStateException("the approval policy names an unknown stage '" + name + "'");
        }
    }

    private static Duration duration(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return Duration.parse(value.toString());
        } catch (DateTimeParseException notADuration) {
            throw new IllegalStateException("the approval policy's longestGrant '" + value + "' is not an ISO-8601 duration");
        }
    }
}
