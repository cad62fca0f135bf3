package io.grantline.bench;

import io.grantline.bench.ProcessThroughputBenchmark.Population;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The people and the catalog, created as an administrator over the HTTP API: an entitlement owner, 8 approvers,
 * the requesters (each reporting to approver r mod 8) with a password and an API token each, and LOW-risk
 * entitlements (the default policy gives them one MANAGER stage). Many requesters and entitlements, so concurrent
 * filings do not all load the same aggregates. The timed calls carry the API token (issue 8: password hashing is not
 * what the benchmark measures); {@code --auth=basic} keeps HTTP Basic at work factor 4 instead.
 */
final class Seeding {

    private static final String OWNER = "own-0";

    private final ChildApplication app;
    private final Population population;
    private final ApiCalls calls;
    private final String admin = ApiCalls.basic("admin", ProcessThroughputBenchmark.ADMIN_PASSWORD);
    private final boolean tokens;
    private final Map<String, String> authorization = new ConcurrentHashMap<>();

    Seeding(ChildApplication app, Population population, boolean tokens) {
        this.app = app;
        this.population = population;
        this.calls = new ApiCalls(app.baseUrl());
        this.tokens = tokens;
    }

    /** The Authorization header with which {@code id} calls the API in the timed phases. */
    String authorization(String id) {
        return authorization.get(id);
    }

    /** Until {@code /actuator/health} answers UP; fails when the JVM stops or the time is up. */
    void awaitHealthy(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!app.alive()) {
                throw new IllegalStateException("the application stopped during start-up; see " + app.log());
            }
            HttpResponse<String> health = new ApiCalls(app.baseUrl()).send("GET", "/actuator/health", admin, null);
            if (health != null && health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("not healthy after " + seconds + " s; see " + app.log());
    }

    void seed() throws Exception {
        long start = System.nanoTime();
        ok(calls.send("POST", "/api/identities", admin, person(OWNER, null)));
        parallel(ProcessThroughputBenchmark.CLIENTS, a -> {
            ok(calls.send("POST", "/api/identities", admin, person(Population.approver(a), null)));
            password(Population.approver(a));
        });
        parallel(population.requesters(), r -> {
            ok(calls.send("POST", "/api/identities", admin, person(population.requester(r), Population.approver(Population.approverOf(r)))));
            password(population.requester(r));
        });
        parallel(population.entitlements(), e -> ok(calls.send("POST", "/api/entitlements", admin,
                "{\"id\":\"" + Population.entitlement(e) + "\",\"resource\":\"bench-res-" + e + "\",\"system\":\"bench\","
                        + "\"zone\":\"bench\",\"level\":\"READ\",\"risk\":\"LOW\",\"ownerId\":\"" + OWNER + "\","
                        + "\"maxDuration\":\"PT8H\",\"sodConflicts\":[]}")));
        // requests and the inbox check identities and entitlements: wait until the last of each is readable
        awaitReadable("/api/identities/" + population.requester(population.requesters() - 1));
        awaitReadable("/api/entitlements/" + Population.entitlement(population.entitlements() - 1));
        System.out.printf(Locale.ROOT, "seeded: 1 owner, %d approvers, %d requesters, %d LOW-risk entitlements in %.1f s; %s%n",
                ProcessThroughputBenchmark.CLIENTS, population.requesters(), population.entitlements(),
                ProcessThroughputBenchmark.secondsSince(start), calls.summary());
    }

    private void password(String id) {
        ok(calls.send("PUT", "/api/identities/" + id + "/local-credential", admin,
                "{\"password\":\"" + ProcessThroughputBenchmark.USER_PASSWORD + "\"}"));
        String basic = ApiCalls.basic(id, ProcessThroughputBenchmark.USER_PASSWORD);
        if (!tokens) {
            authorization.put(id, basic);
            return;
        }
        HttpResponse<String> created = calls.send("POST", "/api/tokens", basic, "{\"name\":\"throughput benchmark\"}");
        ok(created);
        authorization.put(id, "Bearer " + ApiCalls.fields(created.body(), "token").get(0));
    }

    private static String person(String id, String managerId) {
        return "{\"id\":\"" + id + "\",\"kind\":\"HUMAN\",\"displayName\":\"Bench " + id + "\",\"email\":\"" + id
                + "@bench.example\"" + (managerId == null ? "" : ",\"managerId\":\"" + managerId + "\"") + "}";
    }

    private void awaitReadable(String path) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = calls.send("GET", path, admin, null);
            if (answer != null && answer.statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(path + " not readable after 60 s");
    }

    private static void ok(HttpResponse<String> answer) {
        if (answer == null || answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("seeding failed: " + (answer == null ? "no answer" : answer.statusCode() + " " + answer.body()));
        }
    }

    private interface Step {
        void run(int index) throws Exception;
    }

    private static void parallel(int count, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(ProcessThroughputBenchmark.CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                done.add(pool.submit(() -> {
                    step.run(index);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
