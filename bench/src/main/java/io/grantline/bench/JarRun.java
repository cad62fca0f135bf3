package io.grantline.bench;

import io.grantline.bench.ProcessThroughputBenchmark.Options;
import io.grantline.bench.ProcessThroughputBenchmark.Population;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** One jar's turn: a fresh database and JVM, seeding, the two timed phases, then everything stopped and dropped. */
final class JarRun {

    record Result(double filingRate, double approvalRate, int serverErrors) {
        static Result failed() {
            return new Result(Double.NaN, Double.NaN, 0);
        }
    }

    private static final long POLL_MILLIS = 100;
    /**
     * How often the event store is counted while a phase drains: each count reads the phase's events so far (3.8 ms of
     * PostgreSQL per count at a thousand requests, on the machine being measured), so a quarter of a second, which is
     * under 1% of a phase.
     */
    private static final long COUNT_MILLIS = 250;

    private final Options options;
    private final Path jar;
    private final String name;
    private final Path out;
    private final String database;
    private final Population population;
    private final AtomicIntegerArray requestsPerApprover = new AtomicIntegerArray(ProcessThroughputBenchmark.CLIENTS);
    /** Per approver, every task it decided in any round: a read model late to drop one is never decided twice. */
    private final List<Set<String>> decided = new ArrayList<>();
    private final List<String> phases = new ArrayList<>();

    JarRun(Options options, Path jar, String name, Path out, String database) {
        this.options = options;
        this.jar = jar;
        this.name = name;
        this.out = out;
        this.database = database;
        this.population = new Population(options.requesters(), options.entitlements());
        for (int a = 0; a < ProcessThroughputBenchmark.CLIENTS; a++) {
            decided.add(ConcurrentHashMap.newKeySet());
        }
    }

    Result run() throws Exception {
        Path jfr = options.jfr() ? out.resolve(name + ".jfr").toAbsolutePath() : null;
        // fresh: read models left by an earlier run in the same --out belong to a dropped event store
        Path dataDir = deleteRecursively(out.resolve(name + "-data").toAbsolutePath());
        try (PipelineDatabase db = PipelineDatabase.create(options.pg(), database);
             ChildApplication app = ChildApplication.start(jar.toAbsolutePath(), db.url(), Files.createDirectories(dataDir),
                     ProcessThroughputBenchmark.ADMIN_PASSWORD, options.jvm(), jfr, out.resolve(name + ".log"))) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(app)));
            long started = System.nanoTime();
            Seeding seeding = new Seeding(app, population, options.tokens());
            seeding.awaitHealthy(240);
            System.out.printf(Locale.ROOT, "started: pid %d on %s in %.1f s (log %s)%n", app.pid(), app.baseUrl(),
                    ProcessThroughputBenchmark.secondsSince(started), app.log());
            seeding.seed();
            double filingRate = Double.NaN;
            double approvalRate = Double.NaN;
            ApiCalls filings = new ApiCalls(app.baseUrl());
            ApiCalls decisions = new ApiCalls(app.baseUrl());
            ApiCalls inbox = new ApiCalls(app.baseUrl());
            ApiCalls warmupFilings = new ApiCalls(app.baseUrl());
            ApiCalls warmupInbox = new ApiCalls(app.baseUrl());
            ApiCalls warmupDecisions = new ApiCalls(app.baseUrl());
            try {
                if (options.warmup() > 0) {
                    System.out.printf(Locale.ROOT, "warm-up (untimed): %,d requests filed and approved%n", options.warmup());
                    filing(app, db, warmupFilings, seeding, options.requests(), options.requests() + options.warmup(), "warm-up ");
                    approval(app, db, warmupInbox, warmupDecisions, seeding, "warm-up ");
                }
                if (!db.autovacuum()) {
                    // a production server keeps autovacuum on; without it the engine's tables keep the planner's first
                    // guesses (an empty table): a lookup of an execution's variables read the index entry of every
                    // variable (2.9 ms a lookup)
                    long vacuum = System.nanoTime();
                    db.vacuumAnalyze();
                    System.out.printf(Locale.ROOT, "autovacuum is off on this server: VACUUM ANALYZE as it would have run, %.1f s%n",
                            ProcessThroughputBenchmark.secondsSince(vacuum));
                }
                System.out.println("timed:");
                filingRate = filing(app, db, filings, seeding, 0, options.requests(), "");
                approvalRate = approval(app, db, inbox, decisions, seeding, "");
            } finally {
                Files.write(out.resolve(name + ".phases"), phases);
                List<ApiCalls> all = List.of(warmupFilings, warmupInbox, warmupDecisions, filings, inbox, decisions);
                int errors = all.stream().mapToInt(ApiCalls::serverErrorCount).sum();
                for (ApiCalls calls : all) {
                    calls.serverErrors().forEach(error -> System.out.println("  5xx/no answer: " + error));
                }
                app.close();
                if (jfr != null) {
                    System.out.printf("flight recording: %s (summary: java -cp \"bench/target/bench.jar\" io.grantline.bench.JfrSummary %s)%n",
                            jfr, jfr);
                }
                return new Result(filingRate, approvalRate, errors);
            }
        }
    }

    /**
     * Phase 1: 8 clients file requests {@code from} to {@code to} (exclusive); done when each accepted filing has its
     * approval stage opened.
     */
    private double filing(ChildApplication app, PipelineDatabase db, ApiCalls calls, Seeding seeding, int from, int to,
                          String label) throws Exception {
        long fromIndex = db.lastGlobalIndex();
        for (int a = 0; a < ProcessThroughputBenchmark.CLIENTS; a++) {
            requestsPerApprover.set(a, 0);
        }
        AtomicInteger next = new AtomicInteger(from);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        String began = ProcessThroughputBenchmark.now();
        CpuMeter cpu = CpuMeter.start(app.pid());
        long start = System.nanoTime();
        long deadline = start + options.phaseTimeoutSeconds() * 1_000_000_000L;
        List<Thread> clients = clients(() -> {
            for (int k = ProcessThroughputBenchmark.next(next, to); k >= 0 && System.nanoTime() < deadline;
                 k = ProcessThroughputBenchmark.next(next, to)) {
                int requester = population.requesterOf(k);
                HttpResponse<String> answer = calls.send("POST", "/api/access-requests",
                        seeding.authorization(population.requester(requester)),
                        "{\"entitlementId\":\"" + Population.entitlement(population.entitlementOf(k))
                                + "\",\"justification\":\"throughput benchmark request " + k + "\"}");
                answered.incrementAndGet();
                if (ProcessThroughputBenchmark.accepted(answer)) {
                    accepted.incrementAndGet();
                    requestsPerApprover.incrementAndGet(Population.approverOf(requester));
                }
            }
        });
        awaitClients(clients, deadline);
        double filed = ProcessThroughputBenchmark.secondsSince(start);
        System.out.printf(Locale.ROOT, "%sfiling: %,d calls made in %.1f s (%,.1f/s); %s%n", label, answered.get(), filed,
                answered.get() / filed, calls.summary());
        double rate = awaitEvents(app, db, fromIndex, PipelineDatabase.STAGE_OPENED, accepted.get(), start, deadline,
                label + "filing → open approval stage", "requests/s");
        phases.add(label + "filing " + began + " " + ProcessThroughputBenchmark.now());
        reportMail(db, start);
        // until the last mail is out: the stages' mail belongs to the filing's work
        System.out.println(label + "filing: " + cpu.perRequest(accepted.get(), "request"));
        return rate;
    }

    /** Phase 2: one client per approver decides its inbox; done when every accepted decision has its grant ACTIVE. */
    private double approval(ChildApplication app, PipelineDatabase db, ApiCalls inbox, ApiCalls calls, Seeding seeding,
                            String label) throws Exception {
        long fromIndex = db.lastGlobalIndex();
        AtomicLong firstDecision = new AtomicLong();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger approverIndex = new AtomicInteger();
        String began = ProcessThroughputBenchmark.now();
        CpuMeter cpu = CpuMeter.start(app.pid());
        long start = System.nanoTime();
        long deadline = start + options.phaseTimeoutSeconds() * 1_000_000_000L;
        List<Thread> approvers = clients(() -> {
            int a = approverIndex.getAndIncrement();
            String auth = seeding.authorization(Population.approver(a));
            Set<String> tried = decided.get(a);
            int triedThisRound = 0;
            while (triedThisRound < requestsPerApprover.get(a) && System.nanoTime() < deadline && app.alive()) {
                HttpResponse<String> open = inbox.send("GET", "/api/approvals/inbox", auth, null);
                List<String> fresh = open == null ? List.of() : ApiCalls.fields(open.body(), "taskId").stream()
                        .filter(task -> !tried.contains(task)).toList();
                if (fresh.isEmpty()) {
                    // the inbox is a read model: it may not show the newest stages yet
                    sleep(POLL_MILLIS);
                    continue;
                }
                for (String task : fresh) {
                    firstDecision.compareAndSet(0, System.nanoTime());
                    tried.add(task);
                    triedThisRound++;
                    if (ProcessThroughputBenchmark.accepted(calls.send("POST", "/api/approvals/" + task + "/decision", auth,
                            "{\"outcome\":\"APPROVE\"}"))) {
                        accepted.incrementAndGet();
                    }
                }
            }
        });
        awaitClients(approvers, deadline);
        System.out.printf(Locale.ROOT, "%sapproval: decisions %s; inbox reads %s%n", label, calls.summary(), inbox.summary());
        long from = firstDecision.get() == 0 ? start : firstDecision.get();
        double rate = awaitEvents(app, db, fromIndex, PipelineDatabase.GRANT_PROVISIONED, accepted.get(), from, deadline,
                label + "approval → ACTIVE grant", "grants/s");
        System.out.println(label + "approval: " + cpu.perRequest(accepted.get(), "grant"));
        phases.add(label + "approval " + began + " " + ProcessThroughputBenchmark.now());
        return rate;
    }

    /** Polls the event store until {@code expected} events of the type are there: the rate, or NaN with how far it got. */
    private static double awaitEvents(ChildApplication app, PipelineDatabase db, long fromIndex, String type, int expected,
                                      long start, long deadline, String what, String unit) throws SQLException {
        long seen = db.countSince(fromIndex, type);
        while (seen < expected && System.nanoTime() < deadline && app.alive()) {
            sleep(COUNT_MILLIS);
            seen = db.countSince(fromIndex, type);
        }
        double seconds = ProcessThroughputBenchmark.secondsSince(start);
        if (seen < expected) {
            System.out.printf(Locale.ROOT, "%s: did not finish: %,d of %,d after %.0f s%s (load average %.1f)%n", what, seen,
                    expected, seconds, app.alive() ? "" : " (the application stopped; see its log)", loadAverage());
            return Double.NaN;
        }
        double rate = expected / seconds;
        System.out.printf(Locale.ROOT, "%s: %,d of %,d in %.1f s = %,.1f %s (load average %.1f)%n", what, seen, expected,
                seconds, rate, unit, loadAverage());
        return rate;
    }

    /** The new design's outbox, where the jar has one: how much mail the stages queued, and when all of it was out. */
    private static void reportMail(PipelineDatabase db, long start) throws SQLException {
        if (!db.hasMailOutbox()) {
            System.out.println("mail: no mail_outbox table (this jar sends mail from memory after commit)");
            return;
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        long[] mail = db.mailOutbox();
        while (mail[1] < mail[0] && System.nanoTime() < deadline) {
            sleep(POLL_MILLIS);
            mail = db.mailOutbox();
        }
        System.out.printf(Locale.ROOT, "mail_outbox: %,d rows, %,d sent, %.1f s after the first filing%n", mail[0], mail[1],
                ProcessThroughputBenchmark.secondsSince(start));
    }

    /** The machine's 1-minute load average: on a shared 2-core machine, other work moves every figure. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static List<Thread> clients(Runnable work) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < ProcessThroughputBenchmark.CLIENTS; i++) {
            Thread thread = new Thread(work, "bench-client-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        return threads;
    }

    private static void awaitClients(List<Thread> threads, long deadline) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return directory;
    }

    private static void stopQuietly(ChildApplication app) {
        try {
            app.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
