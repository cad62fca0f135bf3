package io.grantline.infra.engine;

import io.grantline.workflow.campaign.RecertificationSchedule;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the quarterly launch on the configured {@code grantline.recertification.cycle}. The engine reads a timer start
 * event's cycle once, when the model is deployed, and the model is deployed again only when it changes: a site that
 * changed the setting would keep launching on the old cycle. So at start a cron cycle that differs from the one the
 * pending launch was scheduled by replaces it, and the next launch moves to the new cycle's next instant; a pending launch
 * on the configured cycle is left alone, so an overdue one still runs. Each launch also reads the cycle again for the
 * one after it ({@code reevaluateTimeCycleWhenDue}), which covers an ISO-8601 repeating interval too.
 */
@Component
class RecertificationCycle {

    static final String PROCESS = "recertification";

    private static final Logger log = LoggerFactory.getLogger(RecertificationCycle.class);

    private final ProcessEngine engine;
    private final RecertificationSchedule schedule;

    RecertificationCycle(ProcessEngine engine, RecertificationSchedule schedule) {
        this.engine = engine;
        this.schedule = schedule;
    }

    @EventListener(ApplicationReadyEvent.class)
    void followTheConfiguredCycle() {
        try {
            follow(schedule.getCycle());
        } catch (RuntimeException notMoved) {
            // another node moving it at the same moment, or a cycle the engine cannot read: the launch stays where it was
            log.warn("The next campaign launch was not moved to the cycle '{}': {}", schedule.getCycle(), notMoved.getMessage());
        }
    }

    /** Moves every pending launch scheduled by another cron cycle onto {@code cycle}; answers the launches moved. */
    List<Job> follow(String cycle) {
        if (cycle.startsWith("R")) {
            return List.of(); // an ISO repeating interval is read again at its next launch
        }
        ManagementService management = engine.getManagementService();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        List<Job> moved = new ArrayList<>();
        for (Job launch : management.createJobQuery().processDefinitionKey(PROCESS).timers().list()) {
            Date next = configuration.getCommandExecutorTxRequired().execute(context -> {
                TimerEntity timer = (TimerEntity) context.getJobManager().findJobById(launch.getId());
                if (timer == null || cycle.equals(timer.getRepeat())) {
                    return null;
                }
                Date due = new CycleBusinessCalendar().resolveDuedate(cycle);
                log.info("Recertification cycle changed from '{}' to '{}': the next campaign launches at {}, not {}",
                        timer.getRepeat(), cycle, due.toInstant(), timer.getDuedate().toInstant());
                timer.setRepeat(cycle);
                timer.setDuedate(due);
                return due;
            });
            if (next != null) {
                moved.add(management.createJobQuery().jobId(launch.getId()).singleResult());
            }
        }
        return moved;
    }
}
