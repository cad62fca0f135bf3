package io.grantline.infra.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantline.infra.support.GrantlineIntegrationTest;
import io.grantline.infra.support.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lookups the engine makes for every task completed and every job acquisition are served by an index, not by
 * reading every open task or job of the plant (both grow with open approvals, reviews and grants).
 */
class EngineIndexesTest extends GrantlineIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theSubtaskLookupOfATaskCompletionReadsAnIndex() {
        assertThat(plan("SELECT * FROM ACT_RU_TASK WHERE PARENT_TASK_ID_ = 'some-task'"))
                .containsIgnoringCase(SubtaskLookupIndex.INDEX);
    }

    @Test
    void theDueJobLookupReadsAnIndex() {
        assertThat(plan("SELECT ID_ FROM ACT_RU_JOB WHERE DUEDATE_ <= CURRENT_TIMESTAMP"))
                .containsIgnoringCase(DueJobAcquisition.INDEX);
    }

    /** The database's plan for {@code sql}; PostgreSQL is told to prefer an index even on the suite's small tables. */
    private String plan(String sql) {
        return transactions.execute(status -> {
            if (TestDatabase.postgresqlRequested()) {
                jdbc.sql("SET LOCAL enable_seqscan = off").update();
            }
            List<String> lines = jdbc.sql("EXPLAIN " + sql).query(String.class).list();
            return String.join("\n", lines);
        });
    }
}
