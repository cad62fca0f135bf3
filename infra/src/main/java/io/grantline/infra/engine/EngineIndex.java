package io.grantline.infra.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An index Grantline adds to one of the engine's tables at start, after the engine made its tables. Another node
 * starting at the same time may create it first, which is fine: the failure is logged and start-up goes on.
 */
final class EngineIndex {

    private static final Logger log = LoggerFactory.getLogger(EngineIndex.class);

    private EngineIndex() {
    }

    /** Runs {@code CREATE INDEX IF NOT EXISTS <name> <definition>}, e.g. {@code "ON ACT_RU_JOB (DUEDATE_)"}. */
    static void create(JdbcTemplate jdbc, String name, String definition) {
        try {
            jdbc.execute("CREATE INDEX IF NOT EXISTS " + name + " " + definition);
        } catch (DataAccessException createdByAnotherNode) {
            log.info("Index {} not created here ({}); another node may have made it", name, createdByAnotherNode.getMessage());
        }
    }
}
