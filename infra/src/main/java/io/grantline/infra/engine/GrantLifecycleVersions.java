package io.grantline.infra.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Running grants follow the latest {@code grant-lifecycle} model. A grant lives up to a year, and its instance would
 * otherwise stay on the model it started with: one from before grant extensions expires an extended grant at its old
 * end by removing its access on the target while Grantline shows it running. At start, every instance of an older
 * version moves to the latest (its activities keep their ids; waiting timers keep their due dates), in the engine's
 * batches. A model whose activities no longer match is left as it is, and said so in the log.
 */
@Component
class GrantLifecycleVersions {

    static final String PROCESS = "grant-lifecycle";

    private static final Logger log = LoggerFactory.getLogger(GrantLifecycleVersions.class);

    private final RepositoryService repository;
    private final RuntimeService runtime;

    GrantLifecycleVersions(ProcessEngine engine) {
        this.repository = engine.getRepositoryService();
        this.runtime = engine.getRuntimeService();
    }

    @EventListener(ApplicationReadyEvent.class)
    void moveRunningGrantsToTheLatestModel() {
        migrate();
    }

    /** Starts moving the instances of every older version; answers the versions whose instances are on their way. */
    List<Integer> migrate() {
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).latestVersion().singleResult();
        List<Integer> moving = new ArrayList<>();
        if (latest == null) {
            return moving;
        }
        for (ProcessDefinition older : repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).list()) {
            if (older.getVersion() >= latest.getVersion()
                    || runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).count() == 0) {
                continue;
            }
            try {
                MigrationPlan plan = runtime.createMigrationPlan(older.getId(), latest.getId()).mapEqualActivities().build();
                runtime.newMigration(plan).processInstanceQuery(runtime.createProcessInstanceQuery().processDefinitionId(older.getId()))
                        .skipCustomListeners().executeAsync();
                moving.add(older.getVersion());
            } catch (RuntimeException unmappable) {
                log.warn("Running grants of grant-lifecycle version {} stay on it: {}", older.getVersion(), unmappable.getMessage());
            }
        }
        if (!moving.isEmpty()) {
            log.info("Running grants of grant-lifecycle versions {} move to version {}", moving, latest.getVersion());
        }
        return moving;
    }
}
