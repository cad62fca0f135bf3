package io.grantline.bench;

import io.grantline.api.campaign.FindReviewAssignment;
import io.grantline.api.campaign.RecordReviewDecision;
import io.grantline.api.campaign.ReviewAssignment;
import io.grantline.api.campaign.ReviewId;
import io.grantline.api.campaign.ReviewItemId;
import io.grantline.api.campaign.ReviewOutcome;
import io.grantline.api.campaign.CampaignId;
import io.grantline.api.entitlement.DefineEntitlement;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.PrivilegeLevel;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.grant.GrantAccess;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.RegisterIdentity;
import io.grantline.api.request.DecisionAuthentication;
import io.grantline.api.request.DecisionChannel;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How fast a recertification campaign over {@code --grants} active grants and {@code --reviewers} reviewers launches:
 * from {@code POST /api/campaigns} until every review task is open with its digest queued, and until every digest has
 * been sent to the embedded SMTP server. A small warm-up campaign runs first (a long-running server has compiled its
 * hot paths); while the big one launches, the warm-up campaign's reviewers decide their items one by one, to show
 * that decisions keep flowing during a launch. Prints the times, the decision latencies and the peak heap; always
 * exits 0 (a measurement, not a test).
 *
 * <p>It runs the whole application in this JVM (embedded H2, MongoDB-protocol and SMTP servers under a fresh
 * directory; {@code --jdbc=jdbc:postgresql://…} for PostgreSQL). The bulk of the grants is written straight into the
 * tables the snapshot reads (active_grant_index and the review routing index, which the application keeps in the
 * event store's transaction); building 100,000 grants through requests and approvals would take an hour and measure
 * something else. The first {@code --live} grants and their reviewers are real aggregates, created by commands, so
 * the decisions made during the launch run the whole way to GrantCertified.
 */
public final class RecertificationLaunchBenchmark {

    private static final String ADMIN_PASSWORD = InProcessGrantline.ADMIN_PASSWORD;
    private static final int HOLDERS = 20_000;
    private static final int LIVE_REVIEWERS = 4;
    private static final int WARM_UP_REVIEWERS = 40;
    private static final double TARGET_SECONDS = 60;

    private RecertificationLaunchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int grants = Integer.parseInt(InProcessGrantline.option(args, "grants", "100000"));
        int reviewers = Integer.parseInt(InProcessGrantline.option(args, "reviewers", "2000"));
        int live = Integer.parseInt(InProcessGrantline.option(args, "live", "100"));
        long startApp = System.nanoTime();
        ConfigurableApplicationContext app = InProcessGrantline.start(args, "grantline-recert-bench");
        System.out.printf(Locale.ROOT, "application started in %.1f s (max heap %,d MiB)%n", seconds(startApp),
                Runtime.getRuntime().maxMemory() >> 20);
        try {
            run(app, grants, reviewers, live);
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext app, int grants, int reviewers, int live) throws Exception {
        CommandGateway commands = app.getBean(CommandGateway.class);
        QueryGateway queries = app.getBean(QueryGateway.class);

        long seeding = System.nanoTime();
        seedLive(commands, live);
        seedBulk(app.getBean(DataSource.class), grants - live, reviewers);
        System.out.printf(Locale.ROOT, "seeded %,d grants (%,d through commands) for %,d reviewers and %,d holders in %.1f s%n",
                grants, live, reviewers, HOLDERS + live, seconds(seeding));
        // a server that has run for a while has compiled its hot paths: warm up with a small campaign of its own, whose
        // live reviewers then decide their items while the big campaign launches
        StringBuilder warmUpScope = new StringBuilder();
        for (int r = 0; r < WARM_UP_REVIEWERS; r++) {
            warmUpScope.append(warmUpScope.length() == 0 ? "" : ",").append('"').append(entitlement(r).value()).append('"');
        }
        CampaignId warmUp = CampaignId.of("bench-warm-up-" + Long.toString(System.currentTimeMillis(), 36));
        long warmUpStart = System.nanoTime();
        launch(app, warmUp, ",\"scope\":{\"entitlementIds\":[" + warmUpScope + "]}");
        Progress warm = awaitLaunched(app, warmUp, WARM_UP_REVIEWERS, () -> 0L);
        System.out.printf(Locale.ROOT, "warm-up campaign over %,d reviewers' grants: every task open %.1f s, every digest sent %.1f s%n",
                WARM_UP_REVIEWERS, warm.open(), seconds(warmUpStart));
        System.gc();

        HeapWatch heap = new HeapWatch();
        heap.start();
        CampaignId campaign = CampaignId.of("bench-" + Long.toString(System.currentTimeMillis(), 36));
        long launch = System.nanoTime();
        launch(app, campaign, "");
        Decider decider = new Decider(commands, queries, warmUp, live / LIVE_REVIEWERS);
        decider.start();
        Progress progress = awaitLaunched(app, campaign, reviewers, () -> 0L);
        decider.stop();
        heap.stop();

        System.out.printf(Locale.ROOT, "snapshot committed, %,d reviews opened over %,d grants, every review task open, every digest queued: %.1f s after the launch%n",
                reviewers, grants, progress.open());
        System.out.printf(Locale.ROOT, "every digest sent: %.1f s%n", progress.digestsSent());
        System.out.printf(Locale.ROOT, "decisions in the warm-up campaign while this one launched: %s%n",
                decider.summary(progress.open()));
        System.out.printf(Locale.ROOT, "peak heap during the launch: %,d MiB used (sampled every 20 ms), %,d MiB by the pools' peaks, of %,d MiB max%n",
                heap.peakSampled() >> 20, heap.peakPools() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        System.gc();
        System.out.printf(Locale.ROOT, "heap in use after the launch and a full collection: %,d MiB%n",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
        System.out.printf(Locale.ROOT, "load average while it ran: %.1f on %d cores (the machine is shared)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "launch (every task open, every digest queued) within %.0f s: %s%n", TARGET_SECONDS,
                progress.open() >= 0 && progress.open() <= TARGET_SECONDS ? "PASS" : "FAIL");
    }

    private static void launch(ConfigurableApplicationContext app, CampaignId campaign, String scope) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> launched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/campaigns"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + campaign.value() + "\",\"dueAt\":\""
                        + Instant.now().plus(Duration.ofDays(14)) + "\"" + scope + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (launched.statusCode() != 202) {
            throw new IllegalStateException("launch answered " + launched.statusCode() + ": " + launched.body());
        }
    }

    /** Seconds from the launch to: the snapshot's commit, every review task open (digest queued), every digest sent. */
    private record Progress(double snapshot, double open, double digestsSent) {
    }

    private static Progress awaitLaunched(ConfigurableApplicationContext app, CampaignId campaign, int reviews,
                                          java.util.function.LongSupplier reviewsFinished) throws InterruptedException {
        QueryGateway queries = app.getBean(QueryGateway.class);
        TaskService tasks = app.getBean(TaskService.class);
        ManagementService management = app.getBean(ManagementService.class);
        long launch = System.nanoTime();
        double snapshot = -1;
        double open = -1;
        double sent = -1;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (sent < 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            if (snapshot < 0 && queries.query(new FindReviewAssignment(ReviewId.of(campaign, reviews - 1)),
                    ResponseTypes.optionalInstanceOf(ReviewAssignment.class)).join().isPresent()) {
                snapshot = seconds(launch);
            }
            if (open < 0 && tasks.createTaskQuery().processDefinitionKey("campaign-review")
                    .processInstanceBusinessKeyLike(campaign.value() + ".r%").count() + reviewsFinished.getAsLong() >= reviews) {
                open = seconds(launch);
            }
            if (open >= 0 && management.createJobQuery().processDefinitionKey("campaign-review").activityId("sendDigest").count() == 0) {
                sent = seconds(launch);
            }
        }
        return new Progress(snapshot, open, sent);
    }

    /** The first reviewers, their entitlements, holders and grants as real aggregates, through commands. */
    private static void seedLive(CommandGateway commands, int live) {
        Instant now = Instant.now();
        for (int r = 0; r < LIVE_REVIEWERS; r++) {
            commands.sendAndWait(new RegisterIdentity(reviewer(r), IdentityKind.HUMAN, "Bench reviewer " + r,
                    reviewer(r).value() + "@plant.example", null, null, Set.of()));
            commands.sendAndWait(new DefineEntitlement(entitlement(r), "PLC-" + r, "Bench SCADA", "cell-" + r, PrivilegeLevel.OPERATE,
                    RiskTier.MEDIUM, reviewer(r), Duration.ofDays(90), Set.of()));
        }
        for (int g = 0; g < live; g++) {
            IdentityId holder = IdentityId.of("bench-live-" + g);
            commands.sendAndWait(new RegisterIdentity(holder, IdentityKind.HUMAN, "Bench live holder " + g, null, null, null, Set.of()));
            commands.sendAndWait(new GrantAccess(GrantId.of(String.format(Locale.ROOT, "bench-grant-a%06d", g)), null, holder,
                    entitlement(g % LIVE_REVIEWERS), now, now.plus(Duration.ofDays(60))));
        }
    }

    /** The rest straight into the tables the snapshot reads, in batches. */
    private static void seedBulk(DataSource dataSource, int grants, int reviewers) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement identity = connection.prepareStatement("INSERT INTO identity_index "
                    + "(identity_id, kind, status, manager_id, owner_id, email, display_name, roles) VALUES (?, 'HUMAN', 'ACTIVE', NULL, NULL, ?, ?, ',')")) {
                for (int r = LIVE_REVIEWERS; r < reviewers; r++) {
                    identity.setString(1, reviewer(r).value());
                    identity.setString(2, reviewer(r).value() + "@plant.example");
                    identity.setString(3, "Bench reviewer " + r);
                    identity.addBatch();
                }
                for (int h = 0; h < HOLDERS; h++) {
                    identity.setString(1, holder(h));
                    identity.setString(2, null);
                    identity.setString(3, "Bench holder " + h);
                    identity.addBatch();
                    if (h % 5000 == 4999) {
                        identity.executeBatch();
                    }
                }
                identity.executeBatch();
            }
            try (PreparedStatement entitlement = connection.prepareStatement(
                    "INSERT INTO review_entitlement_index (entitlement_id, owner_id, risk) VALUES (?, ?, 'MEDIUM')")) {
                for (int r = LIVE_REVIEWERS; r < reviewers; r++) {
                    entitlement.setString(1, entitlement(r).value());
                    entitlement.setString(2, reviewer(r).value());
                    entitlement.addBatch();
                }
                entitlement.executeBatch();
            }
            try (PreparedStatement grant = connection.prepareStatement(
                    "INSERT INTO active_grant_index (grant_id, identity_id, entitlement_id) VALUES (?, ?, ?)")) {
                int bulkReviewers = reviewers - LIVE_REVIEWERS;
                for (int g = 0; g < grants; g++) {
                    grant.setString(1, String.format(Locale.ROOT, "bench-grant-b%06d", g));
                    grant.setString(2, holder(g % HOLDERS));
                    grant.setString(3, entitlement(LIVE_REVIEWERS + g % bulkReviewers).value());
                    grant.addBatch();
                    if (g % 5000 == 4999) {
                        grant.executeBatch();
                    }
                }
                grant.executeBatch();
            }
            connection.commit();
        }
    }

    private static IdentityId reviewer(int r) {
        return IdentityId.of(String.format(Locale.ROOT, "bench-rev-%04d", r));
    }

    private static EntitlementId entitlement(int r) {
        return EntitlementId.of(String.format(Locale.ROOT, "bench-ent-%04d", r));
    }

    private static String holder(int h) {
        return String.format(Locale.ROOT, "bench-holder-%05d", h);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }


    /** Certifies the live reviewers' items of a campaign one by one, at a person's pace; times each decision. */
    private static final class Decider implements Runnable {

        private final CommandGateway commands;
        private final QueryGateway queries;
        private final CampaignId campaign;
        private final int itemsPerReview;
        private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        private final List<Double> decidedAt = Collections.synchronizedList(new ArrayList<>());
        private final AtomicLong finished = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;
        private volatile double firstDecisionAt = -1;
        private final long started = System.nanoTime();

        Decider(CommandGateway commands, QueryGateway queries, CampaignId campaign, int itemsPerReview) {
            this.commands = commands;
            this.queries = queries;
            this.campaign = campaign;
            this.itemsPerReview = itemsPerReview;
        }

        void start() {
            thread = new Thread(this, "bench-decider");
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long reviewsFinished() {
            return finished.get();
        }

        @Override
        public void run() {
            for (int r = 0; r < LIVE_REVIEWERS && running; r++) {
                ReviewId review = ReviewId.of(campaign, r);
                for (int n = 0; n < itemsPerReview && running; n++) {
                    long start = System.nanoTime();
                    try {
                        commands.sendAndWait(new RecordReviewDecision(review, List.of(ReviewItemId.of(review, n)), reviewer(r),
                                ReviewOutcome.CERTIFY, null, DecisionChannel.API, "127.0.0.1", DecisionAuthentication.passwordAt(Instant.now())));
                        latencies.add(System.nanoTime() - start);
                        decidedAt.add(seconds(started));
                        if (firstDecisionAt < 0) {
                            firstDecisionAt = seconds(started);
                        }
                        Thread.sleep(150);
                    } catch (AggregateNotFoundException notYet) {
                        n--;
                        sleep();
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
                finished.incrementAndGet();
            }
        }

        String summary(double launchedAt) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return "none";
            }
            return String.format(Locale.ROOT, "%,d certified (%,d of them before the launch completed at %.1f s), the first %.1f s after the launch; "
                            + "latency p50 %.1f ms, p95 %.1f ms, max %.1f ms", sorted.size(), beforeLaunched(launchedAt), launchedAt,
                    firstDecisionAt, sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.95)) / 1e6,
                    sorted.get(sorted.size() - 1) / 1e6);
        }

        private long beforeLaunched(double launchedAt) {
            return decidedAt.stream().filter(at -> at <= launchedAt).count();
        }

        private static void sleep() {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The heap in use, sampled, and the heap pools' own peaks since the watch started. */
    private static final class HeapWatch implements Runnable {

        private volatile boolean running = true;
        private volatile long peak;
        private Thread thread;

        void start() {
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            thread = new Thread(this, "bench-heap");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        @Override
        public void run() {
            while (running) {
                peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long peakSampled() {
            return peak;
        }

        long peakPools() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        }
    }
}
