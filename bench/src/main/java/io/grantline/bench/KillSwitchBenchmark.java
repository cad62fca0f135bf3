package io.grantline.bench;

import io.grantline.api.entitlement.DefineEntitlement;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.PrivilegeLevel;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.grant.GrantAccess;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.RegisterIdentity;
import io.grantline.api.identity.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The plant-wide kill switch: one identity holds {@code --grants} active grants (default 1,000) when it is marked
 * compromised over the API. Prints the time from the 202 until every one of them is revoked in the event store
 * (target: within 1 s), and until every one is deprovisioned. Runs the whole application in this JVM, like
 * {@link RecertificationLaunchBenchmark}; {@code --jdbc=jdbc:postgresql://…} for PostgreSQL (a fresh database).
 * The grants are real aggregates created by commands and provisioned by their processes; the seeding is not timed.
 * The call carries an API token (an integration's credential; a password's bcrypt is not what this measures), and a
 * first identity with a few grants is locked out before the timed one, so the path is warm as on a running server.
 * Always exits 0: a measurement, not a test.
 */
public final class KillSwitchBenchmark {

    private static final String ADMIN_PASSWORD = InProcessGrantline.ADMIN_PASSWORD;
    private static final IdentityId HOLDER = IdentityId.of("bench-compromised");
    private static final IdentityId WARM_UP = IdentityId.of("bench-warm-up");
    /** The security operator whose API token (a SIEM integration's credential, say) marks the compromise. */
    private static final IdentityId OPERATOR = IdentityId.of("bench-security-operator");
    private static final String OPERATOR_PASSWORD = "bench-operator-password";
    private static final int WARM_UP_GRANTS = 10;
    private static final IdentityId OWNER = IdentityId.of("bench-owner");

    private KillSwitchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int grants = Integer.parseInt(InProcessGrantline.option(args, "grants", "1000"));
        // the grants share a few entitlements by default; a grant's separation-of-duties check reads every entitlement
        // its holder already holds, so the seeding time with many distinct ones shows what that costs
        int entitlements = Integer.parseInt(InProcessGrantline.option(args, "entitlements", "10"));
        ConfigurableApplicationContext app = InProcessGrantline.start(args, "grantline-kill-switch-bench");
        try {
            run(app, grants, entitlements);
        } catch (Exception e) {
            // a measurement, not a test: say what went wrong, and stop the application's threads with the JVM
            System.out.println("the benchmark did not finish: " + e);
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext app, int grants, int entitlements) throws Exception {
        CommandGateway commands = app.getBean(CommandGateway.class);
        DataSource dataSource = app.getBean(DataSource.class);
        long seeding = System.nanoTime();
        commands.sendAndWait(new RegisterIdentity(OWNER, IdentityKind.HUMAN, "Bench owner", null, null, null, Set.of()));
        commands.sendAndWait(new RegisterIdentity(HOLDER, IdentityKind.HUMAN, "Bench holder", null, null, null, Set.of()));
        commands.sendAndWait(new RegisterIdentity(WARM_UP, IdentityKind.HUMAN, "Bench warm-up", null, null, null, Set.of()));
        commands.sendAndWait(new RegisterIdentity(OPERATOR, IdentityKind.HUMAN, "Bench security operator", null, null, null,
                Set.of(Role.SECURITY_OPERATOR)));
        Instant now = Instant.now();
        ExecutorService seeders = Executors.newFixedThreadPool(4);
        List<Future<?>> seeded = new ArrayList<>();
        for (int e = 0; e < entitlements; e++) {
            commands.sendAndWait(new DefineEntitlement(entitlement(e), "PLC-" + e, "Bench SCADA", "cell-" + e, PrivilegeLevel.OPERATE,
                    RiskTier.LOW, OWNER, Duration.ofDays(90), Set.of()));
        }
        for (int g = 0; g < grants; g++) {
            int n = g;
            seeded.add(seeders.submit(() -> commands.sendAndWait(new GrantAccess(GrantId.of(String.format(Locale.ROOT, "bench-ks-grant-%05d", n)),
                    null, HOLDER, entitlement(n % entitlements), now, now.plus(Duration.ofDays(60))))));
        }
        for (int g = 0; g < WARM_UP_GRANTS; g++) {
            commands.sendAndWait(new GrantAccess(GrantId.of(String.format(Locale.ROOT, "bench-ks-warm-up-%02d", g)), null, WARM_UP,
                    entitlement(g % entitlements), now, now.plus(Duration.ofDays(60))));
        }
        for (Future<?> f : seeded) {
            f.get();
        }
        seeders.shutdown();
        await(dataSource, "GrantProvisioned", grants + WARM_UP_GRANTS, Duration.ofMinutes(10));
        System.out.printf(Locale.ROOT, "seeded %,d active, provisioned grants of one identity over %,d entitlements in %.1f s%n", grants,
                entitlements, seconds(seeding));

        String port = app.getEnvironment().getProperty("local.server.port");
        String token = "Bearer " + apiToken(port);
        long warmUpFrom = maxGlobalIndex(dataSource);
        compromise(port, token, WARM_UP);
        awaitSince(dataSource, "GrantRevoked", WARM_UP_GRANTS, warmUpFrom, System.nanoTime(), Duration.ofMinutes(1));
        // and settled: its grants' processes have deprovisioned them, so the timed call finds every thread idle
        awaitSince(dataSource, "GrantDeprovisioned", WARM_UP_GRANTS, warmUpFrom, System.nanoTime(), Duration.ofMinutes(1));

        long before = maxGlobalIndex(dataSource);
        long start = System.nanoTime();
        HttpResponse<String> answer = compromise(port, token, HOLDER);
        double answered = seconds(start);
        if (answer.statusCode() != 202) {
            System.out.println("compromise answered " + answer.statusCode() + ": " + answer.body());
            return;
        }
        double revoked = awaitSince(dataSource, "GrantRevoked", grants, before, start, Duration.ofMinutes(5));
        double deprovisioned = awaitSince(dataSource, "GrantDeprovisioned", grants, before, start, Duration.ofMinutes(10));
        System.out.printf(Locale.ROOT, "compromise answered 202 in %.3f s%n", answered);
        System.out.printf(Locale.ROOT, "every one of %,d grants revoked (GrantRevoked in the event store): %s after the call%n", grants,
                revoked < 0 ? "did not finish" : String.format(Locale.ROOT, "%.3f s", revoked));
        System.out.println("  where the time went, by the events' own timestamps: " + timeline(dataSource, before));
        System.out.printf(Locale.ROOT, "every one deprovisioned (GrantDeprovisioned): %s after the call%n",
                deprovisioned < 0 ? "did not finish" : String.format(Locale.ROOT, "%.3f s", deprovisioned));
        System.out.printf(Locale.ROOT, "all revoked within 1 s: %s%n", revoked >= 0 && revoked <= 1.0 ? "PASS" : "FAIL");
    }

    /** The security operator's API token: its password is set, and the token made with it, before anything is timed. */
    private static String apiToken(String port) throws Exception {
        call(port, "PUT", "/api/identities/" + OPERATOR.value() + "/local-credential", basic("admin", ADMIN_PASSWORD),
                "{\"password\":\"" + OPERATOR_PASSWORD + "\"}", 204);
        String created = call(port, "POST", "/api/tokens", basic(OPERATOR.value(), OPERATOR_PASSWORD),
                "{\"name\":\"kill switch benchmark\"}", 201);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(created);
        if (!token.find()) {
            throw new IllegalStateException("no API token in " + created);
        }
        return token.group(1);
    }

    private static String call(String port, String method, String path, String authorization, String json, int expected) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + answer.statusCode() + " " + answer.body());
        }
        return answer.body();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> compromise(String port, String authorization, IdentityId identity) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/identities/" + identity.value() + "/compromised"))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"bench: credentials found on a paste site\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The compromise event, then the first and the last revocation, as the event store stamped them. */
    private static String timeline(DataSource dataSource, long after) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT payloadtype, MIN(timestamp), MAX(timestamp) FROM domainevententry WHERE globalindex > ? "
                             + "AND payloadtype IN ('io.grantline.api.identity.IdentityMarkedCompromised', 'io.grantline.api.grant.GrantRevoked') "
                             + "GROUP BY payloadtype")) {
            query.setLong(1, after);
            Instant compromised = null;
            Instant first = null;
            Instant last = null;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(1).endsWith("IdentityMarkedCompromised")) {
                        compromised = Instant.parse(rows.getString(2));
                    } else {
                        first = Instant.parse(rows.getString(2));
                        last = Instant.parse(rows.getString(3));
                    }
                }
            }
            if (compromised == null || first == null) {
                return "(no events)";
            }
            return String.format(Locale.ROOT, "IdentityMarkedCompromised, first GrantRevoked %d ms later (the bridge starts the lockout, a job "
                            + "picks it up), last GrantRevoked %d ms after the first (the revocations)",
                    Duration.between(compromised, first).toMillis(), Duration.between(first, last).toMillis());
        }
    }

    private static void await(DataSource dataSource, String type, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(dataSource, type, -1) < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(type + ": fewer than " + count + " after " + timeout);
            }
            Thread.sleep(200);
        }
    }

    /** Seconds from {@code start} until {@code count} events of {@code type} follow global index {@code after}; -1 on time-out. */
    private static double awaitSince(DataSource dataSource, String type, int count, long after, long start, Duration timeout) throws Exception {
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (count(dataSource, type, after) >= count) {
                return seconds(start);
            }
            Thread.sleep(5);
        }
        return -1;
    }

    private static long count(DataSource dataSource, String type, long after) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*) FROM domainevententry WHERE payloadtype = ? AND globalindex > ?")) {
            query.setString(1, "io.grantline.api.grant." + type);
            query.setLong(2, after);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long maxGlobalIndex(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT COALESCE(MAX(globalindex), 0) FROM domainevententry");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static EntitlementId entitlement(int n) {
        return EntitlementId.of(String.format(Locale.ROOT, "bench-ks-ent-%04d", n));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

}
