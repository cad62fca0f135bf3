package io.grantline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The floor under issue 8's rates: what Grantline's own models cost on their own. Grantline's {@code access-request}
 * and {@code grant-lifecycle} run on the same Camunda 7 engine, configured as Grantline configures it (history level
 * audit, removal time at start, UUID ids, the due-date and subtask indexes, the job executor's six threads and twelve
 * jobs per acquisition, a Hikari pool of 20), on a fresh PostgreSQL database, driven as the process bridge drives them: a
 * process started by key per filing, the stage's task found by SQL and completed per decision, a grant's lifecycle
 * started by one bridge thread per approval. Every domain call is a step that does nothing ({@link FloorSteps}): no HTTP,
 * no Axon (no aggregate, no event, no hash chain), no read model, no mail. What it prints is therefore more than
 * Grantline can reach on the same machine: if the engine alone needs more than the budget per request, no work
 * on Grantline's own code reaches the target.
 * <p>
 * Same phases as {@link ProcessThroughputBenchmark}: filing → open approval stage, then approval → provisioned grant,
 * each timed from its first call until its last step committed, with the CPU per request from /proc (the engine runs
 * in this JVM, so "application" and "this benchmark" are the same process), after an untimed warm-up and pgbench's
 * figure from the same run.
 */
public final class EngineFloorBenchmark {

    private static final String TASK_OF_FIRST_STAGE = """
            SELECT T.ID_ FROM ACT_RU_TASK T JOIN ACT_RU_EXECUTION P ON P.ID_ = T.PROC_INST_ID_
            WHERE P.BUSINESS_KEY_ = ? AND T.TASK_DEF_KEY_ = 'decide' AND T.NAME_ = 'Decide on the request, stage 1'
            AND T.SUSPENSION_STATE_ = 1""";

    private final ProcessEngine engine;
    private final DataSource dataSource;
    private final FloorSteps steps;
    private final int clients;
    private final Models models;

    private EngineFloorBenchmark(ProcessEngine engine, DataSource dataSource, FloorSteps steps, int clients, Models models) {
        this.engine = engine;
        this.dataSource = dataSource;
        this.steps = steps;
        this.clients = clients;
        this.models = models;
    }

    /**
     * Which processes a request runs: Grantline's own models, or a lower bound for any model: a stage opened, a task
     * to decide with a time-out, a grant that waits for its revocation or its expiry, and nothing else (no asynchronous
     * step, no reminder, escalation or cancellation, all of which DESIGN.md asks for). The lean shape says what any
     * redesign of the models could reach on this engine at best.
     */
    enum Models {
        GRANTLINE("access-request", "grant-lifecycle"),
        LEAN("access-request-lean", "grant-lifecycle-lean");

        final String request;
        final String grant;

        Models(String request, String grant) {
            this.request = request;
            this.grant = grant;
        }
    }

    public static void main(String[] args) throws Exception {
        Floors.Options options = Floors.Options.parse(args, "bench/target/engine-floor");
        Models models = Models.valueOf(Floors.option(args, "models", "grantline").toUpperCase(Locale.ROOT));
        options.pgbenchFirst();
        try (PipelineDatabase database = PipelineDatabase.create(options.pg(), "grantline_engine_floor");
             HikariDataSource pool = Floors.pool(database.url())) {
            FloorSteps steps = new FloorSteps();
            ProcessEngine engine = engine(pool, steps);
            try {
                EngineFloorBenchmark benchmark = new EngineFloorBenchmark(engine, pool, steps, options.clients(), models);
                benchmark.file("warmup-", options.warmup());
                benchmark.approve("warmup-", options.warmup());
                options.settle(database);
                System.out.printf(Locale.ROOT, "models: %s and %s; warmed up with %d requests; timed: %d requests from %d clients%n",
                        models.request, models.grant, options.warmup(), options.requests(), options.clients());
                Floors.report("filing → open approval stage", "request", options.requests(), benchmark.file("timed-", options.requests()));
                Floors.report("approval → provisioned grant", "grant", options.requests(), benchmark.approve("timed-", options.requests()));
            } finally {
                engine.close();
            }
        }
    }

    /** The settings of infra's application.yaml and engine plugins that shape the engine's work per request. */
    private static ProcessEngine engine(DataSource dataSource, FloorSteps steps) throws SQLException {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
                ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("engine-floor");
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT);
        configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_START);
        configuration.setHistoryTimeToLive("P3650D");
        configuration.setEnsureJobDueDateNotNull(true);
        configuration.setAuthorizationEnabled(false);
        // the Spring Boot starter's default, which Grantline keeps: UUIDs rather than the standalone engine's id blocks
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setBeans(steps.beans());
        DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
        jobExecutor.setCorePoolSize(6);
        jobExecutor.setMaxPoolSize(6);
        jobExecutor.setQueueSize(12);
        jobExecutor.setMaxJobsPerAcquisition(12);
        jobExecutor.setMaxWait(5000);
        configuration.setJobExecutor(jobExecutor);
        configuration.setJobExecutorActivate(true);
        ProcessEngine engine = configuration.buildProcessEngine();
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE INDEX IF NOT EXISTS ACT_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_)");
            statement.execute("CREATE INDEX IF NOT EXISTS ACT_IDX_TASK_PARENT_TASK ON ACT_RU_TASK (PARENT_TASK_ID_) "
                    + "WHERE PARENT_TASK_ID_ IS NOT NULL");
        }
        engine.getRepositoryService().createDeployment().name("engine-floor")
                .addClasspathResource("bpmn/access-request.bpmn")
                .addClasspathResource("bpmn/grant-lifecycle.bpmn")
                .addModelInstance("access-request-lean.bpmn", leanRequest())
                .addModelInstance("grant-lifecycle-lean.bpmn", leanGrant())
                .deploy();
        return engine;
    }

    private static BpmnModelInstance leanRequest() {
        return Bpmn.createExecutableProcess(Models.LEAN.request).camundaHistoryTimeToLive(3650)
                .startEvent("requested")
                .serviceTask("openStage").camundaDelegateExpression("${openApprovalStage}")
                .userTask("decide").name("Decide on the request, stage 1").camundaCandidateUsers("${approverIds}")
                .boundaryEvent("timeOut").timerWithDuration("P7D").endEvent("timedOut")
                .moveToActivity("decide")
                .serviceTask("grantAccess").camundaDelegateExpression("${grantAccess}")
                .endEvent("accessGranted")
                .done();
    }

    private static BpmnModelInstance leanGrant() {
        return Bpmn.createExecutableProcess(Models.LEAN.grant).camundaHistoryTimeToLive(3650)
                .startEvent("granted")
                .serviceTask("provision").camundaDelegateExpression("${provisionGrant}")
                .receiveTask("active").message("GrantRevoked")
                .boundaryEvent("expires").timerWithDate("${validUntil}").endEvent("expired")
                .moveToActivity("active")
                .endEvent("revoked")
                .done();
    }

    /** Starts {@code count} access-request processes as the bridge does; waits until every first stage is open. */
    private Floors.Measured file(String prefix, int count) throws Exception {
        int target = steps.stagesOpened.get() + count;
        CpuMeter cpu = CpuMeter.start(ProcessHandle.current().pid());
        long started = System.nanoTime();
        Floors.inParallel(clients, count, i -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put("requestId", prefix + i);
            variables.put("stageCount", 1);
            variables.put("rejected", false);
            engine.getRuntimeService().startProcessInstanceByKey(models.request, prefix + i, variables);
        });
        awaitAtLeast(steps.stagesOpened::get, target, "stages opened");
        return new Floors.Measured(System.nanoTime() - started, cpu);
    }

    /**
     * Completes each request's task as the bridge does on a decision (found by SQL, completed with the outcome); the
     * approved requests' grant lifecycles are started by one bridge thread; waits until every grant is provisioned.
     */
    private Floors.Measured approve(String prefix, int count) throws Exception {
        int target = steps.provisioned.get() + count;
        AtomicInteger lifecycles = new AtomicInteger();
        ExecutorService bridge = Executors.newSingleThreadExecutor();
        bridge.submit(() -> {
            while (lifecycles.get() < count) {
                String grantId = steps.approved.poll(1, TimeUnit.SECONDS);
                if (grantId != null) {
                    Instant now = Instant.now();
                    engine.getRuntimeService().startProcessInstanceByKey(models.grant, grantId, Map.of(
                            "grantId", grantId,
                            "validUntil", now.plus(Duration.ofDays(30)).toString(),
                            "expiryNoticeAt", now.plus(Duration.ofDays(29)).toString()));
                    lifecycles.incrementAndGet();
                }
            }
            return null;
        });
        CpuMeter cpu = CpuMeter.start(ProcessHandle.current().pid());
        long started = System.nanoTime();
        Floors.inParallel(clients, count, i -> engine.getTaskService().complete(taskOf(prefix + i), Map.of("rejected", false)));
        awaitAtLeast(steps.provisioned::get, target, "grants provisioned");
        long elapsed = System.nanoTime() - started;
        bridge.shutdownNow();
        return new Floors.Measured(elapsed, cpu);
    }

    private String taskOf(String requestId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(TASK_OF_FIRST_STAGE)) {
            query.setString(1, requestId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no open task for " + requestId);
                }
                return row.getString(1);
            }
        }
    }

    /** Waits for the count; a step that failed (a job with an exception) ends the run rather than waiting it out. */
    private void awaitAtLeast(IntSupplier value, int target, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        for (int polls = 1; value.getAsInt() < target; polls++) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": " + value.getAsInt() + " of " + target + " after 10 minutes");
            }
            if (polls % 50 == 0) {
                engine.getManagementService().createJobQuery().withException().listPage(0, 1).forEach(failed -> {
                    throw new IllegalStateException("a step failed: " + failed.getExceptionMessage());
                });
            }
            Thread.sleep(20);
        }
    }
}
