package io.grantline.infra.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips the integration suite cleanly when the requested database cannot be had here (see {@link TestDatabase}). */
public class RequiresTestDatabase implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return TestDatabase.available()
                ? ConditionEvaluationResult.enabled("database " + System.getProperty(TestDatabase.SELECTOR, "h2"))
                : ConditionEvaluationResult.disabled("PostgreSQL requested, but there is no Docker and no "
                        + TestDatabase.POSTGRES_URL_VARIABLE);
    }
}
