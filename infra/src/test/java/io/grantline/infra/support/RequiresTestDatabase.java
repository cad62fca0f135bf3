package io.grantline.infra.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips the integration suite cleanly when the requested database cannot be had here (see {@link TestDatabase}). */
public class RequiresTestDatabase implements ExecutionCondition {

    /** Said once per JVM: surefire counts skipped tests but does not say why. */
    private static final java.util.concurrent.atomic.AtomicBoolean TOLD = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestDatabase.available()) {
            return ConditionEvaluationResult.enabled("database " + System.getProperty(TestDatabase.SELECTOR, "h2"));
        }
        String why = "PostgreSQL requested, but there is no Docker and no " + TestDatabase.POSTGRES_URL_VARIABLE;
        if (TOLD.compareAndSet(false, true)) {
            System.out.println("Skipping the PostgreSQL run of the integration suite: " + why
                    + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres)");
        }
        return ConditionEvaluationResult.disabled(why);
    }
}
