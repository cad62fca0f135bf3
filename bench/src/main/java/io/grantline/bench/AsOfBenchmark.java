package io.grantline.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.grantline.api.compliance.ListHoldersAt;
import io.grantline.api.entitlement.EntitlementDefined;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.PrivilegeLevel;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.grant.AccessGranted;
import io.grantline.api.grant.EndReason;
import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.GrantRevoked;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import io.grantline.query.access.AccessIntervalProjection;
import io.grantline.query.catalog.CatalogProjection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * How fast the as-of read model answers "who held E (or anything on resource R) at T?" with a realistic number of
 * access intervals: loads them through {@link AccessIntervalProjection}'s own event handlers, then times its
 * {@link ListHoldersAt} query handler, which is what {@code GET /api/compliance/access} calls. Prints figures; the
 * exit code is 0 whatever they are, because this is a measurement, not a test.
 *
 * <p>Arguments: {@code --intervals=N} (100000), {@code --queries=M} by entitlement (2000), {@code --resource-queries=K}
 * (300), {@code --warmup=W} (300), {@code --seed=S}, {@code --mongoUri=mongodb://…} (also {@code -DmongoUri=…}) to
 * measure a real MongoDB instead of the embedded server; it then works in, and drops, the database
 * {@value #DATABASE}.
 */
public final class AsOfBenchmark {

    static final String DATABASE = "grantline_bench";
    private static final int ENTITLEMENTS = 200;
    private static final int ENTITLEMENTS_PER_RESOURCE = PrivilegeLevel.values().length;
    private static final int IDENTITIES = 5_000;
    private static final double REVOKED_SHARE = 0.2;
    private static final Instant YEAR_START = Instant.parse("2025-01-01T00:00:00Z");
    private static final long YEAR_SECONDS = Duration.ofDays(365).toSeconds();
    private static final double TARGET_MS = 50;

    private AsOfBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // before the first logger exists: the figures, not the drivers' connection chatter
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        Settings settings = Settings.parse(args);
        MongoServer server = null;
        MongoClient client;
        String store;
        if (settings.mongoUri() == null) {
            server = new MongoServer(H2Backend.inMemory());
            server.bind("127.0.0.1", 0);
            client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
            store = "mongo-java-server with the H2 backend in memory, in process (the embedded default's engine)";
        } else {
            client = MongoClients.create(settings.mongoUri());
            store = "MongoDB from mongoUri, database " + DATABASE;
        }
        try {
            MongoTemplate mongo = new MongoTemplate(client, DATABASE);
            mongo.getDb().drop();
            System.out.printf(Locale.ROOT, "as-of benchmark: %s; %d cores, max heap %d MB, Java %s%n", store,
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    System.getProperty("java.version"));
            run(settings, mongo);
            mongo.getDb().drop();
        } finally {
            client.close();
            if (server != null) {
                server.shutdownNow();
            }
        }
    }

    private static void run(Settings settings, MongoTemplate mongo) throws Exception {
        Random random = new Random(settings.seed());
        AccessIntervalProjection projection = new AccessIntervalProjection(mongo);
        AnnotationEventHandlerAdapter catalog = new AnnotationEventHandlerAdapter(new CatalogProjection(mongo));
        AnnotationEventHandlerAdapter access = new AnnotationEventHandlerAdapter(projection);

        for (int e = 0; e < ENTITLEMENTS; e++) {
            catalog.handle(new GenericDomainEventMessage<>("Entitlement", entitlement(e).value(), 0, defined(e)));
        }

        // what was loaded, kept to check every timed answer against a count done here
        int n = settings.intervals();
        int[] entitlementOf = new int[n];
        long[] from = new long[n];
        long[] to = new long[n];
        int revoked = 0;
        long loadStart = System.nanoTime();
        for (int i = 0; i < n; i++) {
            int e = random.nextInt(ENTITLEMENTS);
            IdentityId identity = IdentityId.of(String.format(Locale.ROOT, "identity-%04d", random.nextInt(IDENTITIES)));
            long start = YEAR_START.getEpochSecond() + (long) (random.nextDouble() * YEAR_SECONDS);
            // half are shifts and call-outs (1 to 72 hours), half project access (1 to 90 days)
            long length = random.nextBoolean() ? 3_600 + random.nextInt(71 * 3_600) : 86_400 + random.nextInt(89 * 86_400);
            GrantId grant = GrantId.of(String.format(Locale.ROOT, "grant-%06d", i));
            entitlementOf[i] = e;
            from[i] = start;
            to[i] = start + length;
            access.handle(new GenericDomainEventMessage<>("Grant", grant.value(), 0, new AccessGranted(grant,
                    AccessRequestId.of(String.format(Locale.ROOT, "request-%06d", i)), identity, entitlement(e),
                    Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + length))));
            if (random.nextDouble() < REVOKED_SHARE) {
                long ended = start + 1 + (long) (random.nextDouble() * (length - 1));
                to[i] = ended;
                revoked++;
                access.handle(new GenericDomainEventMessage<>("Grant", grant.value(), 1, new GrantRevoked(grant, identity,
                        entitlement(e), EndReason.REVOKED, "benchmark", Instant.ofEpochSecond(ended))));
            }
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        System.out.printf(Locale.ROOT, "load: %,d intervals (%,d of them revoked early) over %d entitlements on %d resources and"
                        + " %,d identities, %,d events in %.1f s = %,.0f events/s%n", n, revoked, ENTITLEMENTS,
                ENTITLEMENTS / ENTITLEMENTS_PER_RESOURCE, IDENTITIES, n + revoked, loadSeconds, (n + revoked) / loadSeconds);

        for (int w = 0; w < settings.warmup(); w++) {
            projection.handle(w % 4 == 0 ? byResource(random) : byEntitlement(random));
        }

        List<ListHoldersAt> byEntitlement = new ArrayList<>();
        for (int q = 0; q < settings.queries(); q++) {
            byEntitlement.add(byEntitlement(random));
        }
        List<ListHoldersAt> byResource = new ArrayList<>();
        for (int q = 0; q < settings.resourceQueries(); q++) {
            byResource.add(byResource(random));
        }
        Timings entitlementTimings = time(projection, byEntitlement, entitlementOf, from, to);
        Timings resourceTimings = time(projection, byResource, entitlementOf, from, to);
        Timings all = entitlementTimings.plus(resourceTimings);

        System.out.printf(Locale.ROOT, "warm-up: %d queries, not counted%n", settings.warmup());
        entitlementTimings.print("by entitlement");
        resourceTimings.print("by resource");
        all.print("all");
        System.out.printf(Locale.ROOT, "answers checked against a count of the loaded intervals: %,d of %,d agree%n",
                all.agreeing(), all.count());
        // the endpoint must be fast for both forms, so the verdict takes the slower one and does not depend on the mix
        double p95 = Math.max(entitlementTimings.percentile(0.95), resourceTimings.percentile(0.95));
        boolean pass = p95 < TARGET_MS && all.agreeing() == all.count();
        System.out.printf(Locale.ROOT, "as-of p95 = %.1f ms, the slower of by entitlement and by resource (target < %.0f ms): %s%n",
                p95, TARGET_MS, pass ? "PASS" : "FAIL");
    }

    private static Timings time(AccessIntervalProjection projection, List<ListHoldersAt> queries, int[] entitlementOf,
                                long[] from, long[] to) {
        double[] millis = new double[queries.size()];
        long holders = 0;
        int agreeing = 0;
        for (int q = 0; q < queries.size(); q++) {
            ListHoldersAt query = queries.get(q);
            long start = System.nanoTime();
            int answered = projection.handle(query).size();
            millis[q] = (System.nanoTime() - start) / 1e6;
            holders += answered;
            if (answered == expected(query, entitlementOf, from, to)) {
                agreeing++;
            }
        }
        return new Timings(millis, holders, agreeing);
    }

    private static int expected(ListHoldersAt query, int[] entitlementOf, long[] from, long[] to) {
        long at = query.at().getEpochSecond();
        // the numbers behind "ent-NNN" and "plc-NN"
        boolean byEntitlement = query.entitlementId() != null;
        int wanted = Integer.parseInt((byEntitlement ? query.entitlementId().value() : query.resource()).substring(4));
        int count = 0;
        for (int i = 0; i < entitlementOf.length; i++) {
            int of = byEntitlement ? entitlementOf[i] : entitlementOf[i] / ENTITLEMENTS_PER_RESOURCE;
            if (of == wanted && from[i] <= at && at < to[i]) {
                count++;
            }
        }
        return count;
    }

    private static ListHoldersAt byEntitlement(Random random) {
        return new ListHoldersAt(entitlement(random.nextInt(ENTITLEMENTS)), null, randomInstant(random));
    }

    private static ListHoldersAt byResource(Random random) {
        return new ListHoldersAt(null, resource(random.nextInt(ENTITLEMENTS)), randomInstant(random));
    }

    private static Instant randomInstant(Random random) {
        return YEAR_START.plusSeconds((long) (random.nextDouble() * YEAR_SECONDS));
    }

    private static EntitlementId entitlement(int index) {
        return EntitlementId.of(String.format(Locale.ROOT, "ent-%03d", index));
    }

    /** Four entitlements (read, operate, engineer, admin) per resource, as on a PLC or an HMI. */
    private static String resource(int entitlementIndex) {
        return String.format(Locale.ROOT, "plc-%02d", entitlementIndex / ENTITLEMENTS_PER_RESOURCE);
    }

    private static EntitlementDefined defined(int index) {
        PrivilegeLevel level = PrivilegeLevel.values()[index % ENTITLEMENTS_PER_RESOURCE];
        return new EntitlementDefined(entitlement(index), resource(index), "scada", "zone-" + (index / 20), level,
                RiskTier.values()[level.ordinal()], IdentityId.of("owner-01"), Duration.ofDays(90), Set.of());
    }

    /** Latencies of one kind of query, in milliseconds. */
    private record Timings(double[] millis, long holders, int agreeing) {

        Timings {
            millis = millis.clone();
            Arrays.sort(millis);
        }

        int count() {
            return millis.length;
        }

        Timings plus(Timings other) {
            double[] both = Arrays.copyOf(millis, millis.length + other.millis.length);
            System.arraycopy(other.millis, 0, both, millis.length, other.millis.length);
            return new Timings(both, holders + other.holders, agreeing + other.agreeing);
        }

        /** Nearest rank: the smallest latency that at least {@code p} of the queries did not exceed. */
        double percentile(double p) {
            return millis.length == 0 ? 0 : millis[Math.max(0, (int) Math.ceil(p * millis.length) - 1)];
        }

        void print(String label) {
            System.out.printf(Locale.ROOT, "%-15s n=%,6d  p50=%7.2f ms  p95=%7.2f ms  p99=%7.2f ms  max=%7.2f ms"
                            + "  (%.1f holders per answer)%n", label + ":", count(), percentile(0.50), percentile(0.95),
                    percentile(0.99), count() == 0 ? 0 : millis[millis.length - 1],
                    count() == 0 ? 0 : (double) holders / count());
        }
    }

    private record Settings(int intervals, int queries, int resourceQueries, int warmup, long seed, String mongoUri) {

        static Settings parse(String[] args) {
            int intervals = 100_000;
            int queries = 2_000;
            int resourceQueries = 300;
            int warmup = 300;
            long seed = 20_250_314L;
            String mongoUri = System.getProperty("mongoUri");
            for (String arg : args) {
                String[] pair = arg.replaceFirst("^--", "").split("=", 2);
                if (pair.length != 2) {
                    throw new IllegalArgumentException("expected --name=value, got " + arg);
                }
                switch (pair[0]) {
                    case "intervals" -> intervals = Integer.parseInt(pair[1]);
                    case "queries" -> queries = Integer.parseInt(pair[1]);
                    case "resource-queries" -> resourceQueries = Integer.parseInt(pair[1]);
                    case "warmup" -> warmup = Integer.parseInt(pair[1]);
                    case "seed" -> seed = Long.parseLong(pair[1]);
                    case "mongoUri" -> mongoUri = pair[1];
                    default -> throw new IllegalArgumentException("unknown argument " + arg
                            + " (known: --intervals, --queries, --resource-queries, --warmup, --seed, --mongoUri)");
                }
            }
            return new Settings(intervals, queries, resourceQueries, warmup, seed, mongoUri == null || mongoUri.isBlank() ? null : mongoUri);
        }
    }
}
