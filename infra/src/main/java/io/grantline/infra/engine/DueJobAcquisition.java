package io.grantline.infra.engine;

import java.sql.Timestamp;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The job executor finds due jobs through an index on their due date instead of reading every job. Every open approval
 * stage and every active grant keeps timers in the engine's job table, so without the index each acquisition read all
 * of them (a sequential scan whose cost grows with the plant's open requests and grants: 1.9 ms at 1,700 jobs, the
 * second most expensive statement of the throughput benchmark, docs/benchmarks.md).
 * <p>
 * The index serves the acquisition only if no job lacks a due date, so every job gets one (the engine's
 * {@code ensureJobDueDateNotNull}), and the jobs an earlier version left without one are given "now" at start: they
 * run as before, at once. The engine creates its tables before this runs; another node starting at the same time may
 * create the index first, which is fine.
 */
@Component
class DueJobAcquisition extends AbstractProcessEnginePlugin {

    static final String INDEX = "ACT_IDX_JOB_DUEDATE";

    private static final Logger log = LoggerFactory.getLogger(DueJobAcquisition.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnsureJobDueDateNotNull(true);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        JdbcTemplate jdbc = new JdbcTemplate(configuration.getDataSource());
        EngineIndex.create(jdbc, INDEX, "ON ACT_RU_JOB (DUEDATE_)");
        int undated = jdbc.update("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE DUEDATE_ IS NULL",
                new Timestamp(ClockUtil.getCurrentTime().getTime()));
        if (undated > 0) {
            log.info("{} job(s) from an earlier version had no due date: due now", undated);
        }
    }
}
