package io.grantline.bpmn;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/** Moves the engine's clock and runs what has fallen due, as the job executor would; tests never sleep. */
final class EngineClock {

    private EngineClock() {
    }

    static void setNow(Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
    }

    static void reset() {
        ClockUtil.reset();
    }

    /**
     * Executes the process instance's due jobs, earliest due first, one at a time (a job may remove or create
     * others), until none is due. Returns how many ran.
     */
    static int executeDueJobs(ManagementService managementService, String processInstanceId) {
        int executed = 0;
        while (true) {
            List<Job> due = managementService.createJobQuery()
                    .processInstanceId(processInstanceId)
                    .executable()
                    .orderByJobDuedate().asc()
                    .listPage(0, 1);
            if (due.isEmpty()) {
                return executed;
            }
            managementService.executeJob(due.get(0).getId());
            executed++;
            if (executed > 100) {
                throw new IllegalStateException("jobs keep falling due; is a timer cycling?");
            }
        }
    }
}
