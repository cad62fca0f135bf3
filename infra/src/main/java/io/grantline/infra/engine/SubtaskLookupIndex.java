package io.grantline.infra.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Completing a task asks the engine's task table for the task's subtasks ({@code PARENT_TASK_ID_}), a column the
 * engine does not index: every approval decision and every review decision read all open tasks of the plant (a
 * sequential scan, 0.26 ms a completion with a thousand open approvals in the throughput benchmark, and growing with
 * every open task: a recertification campaign opens one per grant under review). Grantline creates the index at start.
 * Grantline's tasks have no subtasks, so on PostgreSQL the index holds only the rows that have a parent (a partial
 * index: nothing to maintain for the usual task); H2 has no partial indexes and indexes every row. The engine creates
 * its tables before this runs; another node starting at the same time may create it first.
 */
@Component
class SubtaskLookupIndex extends AbstractProcessEnginePlugin {

    static final String INDEX = "ACT_IDX_TASK_PARENT_TASK";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        String onlyChildren = "postgres".equals(configuration.getDatabaseType()) ? " WHERE PARENT_TASK_ID_ IS NOT NULL" : "";
        EngineIndex.create(new JdbcTemplate(configuration.getDataSource()), INDEX, "ON ACT_RU_TASK (PARENT_TASK_ID_)" + onlyChildren);
    }
}
