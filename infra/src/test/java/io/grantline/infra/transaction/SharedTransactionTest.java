package io.grantline.infra.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantline.infra.support.GrantlineIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The event store and the process engine share one database and one transaction: a process step and the events its
 * commands cause commit together or not at all.
 */
class SharedTransactionTest extends GrantlineIntegrationTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;

    @Test
    void aStepThatSucceedsLeavesBothItsEventAndItsProcessStep() {
        String id = "probe-" + UUID.randomUUID();

        ProcessInstance instance = runtime.startProcessInstanceByKey("transaction-probe", id, Map.of("identityId", id, "fail", false));

        assertThat(eventStore.countFor("identity:" + id)).isEqualTo(1);
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("waiting").count()).isEqualTo(1);
    }

    @Test
    void aStepThatFailsAfterItsCommandLeavesNeitherTheEventNorTheProcessStep() {
        String id = "probe-" + UUID.randomUUID();

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("transaction-probe", id, Map.of("identityId", id, "fail", true)))
                .isInstanceOf(RegisterIdentityThenMaybeFail.ProbeFailure.class);

        assertThat(eventStore.countFor("identity:" + id)).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
    }
}
