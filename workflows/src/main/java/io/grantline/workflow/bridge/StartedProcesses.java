package io.grantline.workflow.bridge;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Was this process started for this business key before?", which every bridge asks before it starts one, so that an
 * event seen again (a processor reset, a lost token) starts nothing twice. The engine keeps a process instance in its
 * history from its start (history level audit or full), a running one too.
 * <p>
 * Asked with one SQL query on the engine's history table, served by its index on the business key, in the caller's
 * transaction (so it sees a process started earlier in the same batch), rather than through the engine's query API:
 * that one built, checked and ran a generic query in a command of its own, a quarter of the process bridge's CPU
 * for each request filed (docs/benchmarks.md). It assumes the engine's default table names (no table prefix).
 */
@Component
public class StartedProcesses {

    private final JdbcClient jdbc;

    StartedProcesses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean started(String processKey, String businessKey) {
        return jdbc.sql("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ? AND PROC_DEF_KEY_ = ?")
                .param(businessKey).param(processKey).query(Long.class).single() > 0;
    }
}
