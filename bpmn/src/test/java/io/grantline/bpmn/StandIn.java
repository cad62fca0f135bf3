package io.grantline.bpmn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stands in for one of the Spring delegate beans of {@code workflows/}, under the bean's name: it records what
 * each call saw, then does what docs/processes.md says the bean does (as far as the process can tell).
 */
final class StandIn implements JavaDelegate {

    /** What a stand-in does when called; may throw, as a connector may. */
    @FunctionalInterface
    interface Behaviour {
        void on(DelegateExecution execution) throws Exception;
    }

    private final List<String> watchedVariables;
    private final List<Map<String, Object>> calls = new ArrayList<>();
    private Behaviour behaviour = execution -> { };

    private StandIn(List<String> watchedVariables) {
        this.watchedVariables = watchedVariables;
    }

    /** Registers a stand-in for {@code ${beanName}} that records the given variables at every call. */
    static StandIn register(String beanName, String... watchedVariables) {
        StandIn standIn = new StandIn(Arrays.asList(watchedVariables));
        Mocks.register(beanName, standIn);
        return standIn;
    }

    StandIn doing(Behaviour behaviour) {
        this.behaviour = behaviour;
        return this;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        Map<String, Object> seen = new HashMap<>();
        for (String name : watchedVariables) {
            seen.put(name, execution.getVariable(name));
        }
        calls.add(seen);
        behaviour.on(execution);
    }

    int callCount() {
        return calls.size();
    }

    boolean wasCalled() {
        return !calls.isEmpty();
    }

    /** The value of a watched variable at each call, in call order. */
    List<Object> seen(String variable) {
        List<Object> values = new ArrayList<>();
        for (Map<String, Object> call : calls) {
            values.add(call.get(variable));
        }
        return values;
    }
}
