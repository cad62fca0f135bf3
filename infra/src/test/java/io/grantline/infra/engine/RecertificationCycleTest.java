package io.grantline.infra.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantline.infra.support.GrantlineIntegrationTest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A site that changes {@code grantline.recertification.cycle} gets its next campaign on the new cycle, although the
 * unchanged model is not deployed again; a launch already on the configured cycle is left where it is.
 */
class RecertificationCycleTest extends GrantlineIntegrationTest {

    private static final String QUARTERLY = "0 0 0 1 1,4,7,10 ?";
    private static final String MID_MONTH = "0 0 0 15 * ?";

    @Autowired
    RecertificationCycle cycle;

    @Autowired
    ManagementService management;

    @Test
    void aChangedCycleMovesThePendingLaunchAndTheConfiguredOneLeavesItAlone() {
        Job launch = management.createJobQuery().processDefinitionKey(RecertificationCycle.PROCESS).timers().singleResult();
        assertThat(cycle.follow(QUARTERLY)).as("already on the configured cycle").isEmpty();
        assertThat(management.createJobQuery().jobId(launch.getId()).singleResult().getDuedate()).isEqualTo(launch.getDuedate());

        try {
            Job moved = cycle.follow(MID_MONTH).get(0);
            assertThat(local(moved).getDayOfMonth()).isEqualTo(15);
            assertThat(cycle.follow(MID_MONTH)).as("followed once").isEmpty();
        } finally {
            Job back = cycle.follow(QUARTERLY).get(0);
            assertThat(local(back).getDayOfMonth()).isEqualTo(1);
            assertThat(local(back).getMonthValue()).isIn(1, 4, 7, 10);
        }
    }

    private static LocalDateTime local(Job job) {
        return LocalDateTime.ofInstant(job.getDuedate().toInstant(), ZoneId.systemDefault());
    }
}
