package io.grantline.infra.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Grantline reads a few of the engine's tables by their default names, in its own SQL (whether a process was started,
 * a decision's task, the approval policy's latest version) and creates two indexes on them (docs/adr/0010). With
 * {@code camunda.bpm.database.table-prefix} set, those statements would fail only when first used, mid-request; so
 * the engine refuses to start, saying why, before it touches the database.
 */
@Component
class DefaultEngineTableNames extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        String prefix = configuration.getDatabaseTablePrefix();
        if (prefix != null && !prefix.isEmpty()) {
            throw new IllegalStateException("camunda.bpm.database.table-prefix is '" + prefix + "', but Grantline reads the "
                    + "engine's tables by their default names (ACT_RU_TASK, ACT_HI_PROCINST, ...): keep the engine's tables "
                    + "unprefixed, in the same schema as the event store (docs/adr/0010)");
        }
    }
}
