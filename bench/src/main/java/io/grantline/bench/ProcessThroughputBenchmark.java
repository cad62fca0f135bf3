package io.grantline.bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How fast the whole process pipeline moves on PostgreSQL (issue 8): for each {@code --jar} in turn, a fresh database,
 * the jar in its own JVM, seeding over the HTTP API, then
 * <ol>
 *   <li>a warm-up: both phases below, untimed, on {@code --warmup} requests of their own (default 400), so the timed
 *   phases measure the steady state rather than the JIT compiler at work (which took a fifth of the machine during the
 *   first thousand filings);</li>
 *   <li>filing → open approval stage: 8 clients file {@code --requests} LOW-risk requests (one MANAGER stage each);
 *   the rate runs from the first filing until the event store holds an {@code ApprovalStageOpened} for every 202;</li>
 *   <li>approval → ACTIVE grant: one client per approver approves its inbox; the rate runs from the first decision
 *   until the event store holds a {@code GrantProvisioned} for every accepted decision.</li>
 * </ol>
 * pgbench (8 clients, one-row inserts) runs once per benchmark run, before the jars, on the same server: each rate is
 * printed as a share of its commits/s. Always exits 0; a phase that does not finish in time says how far it got.
 */
public final class ProcessThroughputBenchmark {

    static final String ADMIN_PASSWORD = "bench-admin-password";
    static final String USER_PASSWORD = "bench-user-password";
    static final int CLIENTS = 8;

    private ProcessThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options.jars().isEmpty()) {
            System.out.println("usage: ProcessThroughputBenchmark --jar=path/to/grantline.jar [--jar=other.jar] [--requests=2000] [--warmup=400] "
                    + "[--requesters=200] [--entitlements=20] [--pg=jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres] "
                    + "[--pgbench-seconds=15] [--phase-timeout=seconds] [--jfr] [--jvm=-Xmx2g] [--out=dir] [--auth=token|basic]");
            return;
        }
        Path out = Files.createDirectories(options.out());
        System.out.printf(Locale.ROOT, "process throughput: %d requests after %d to warm up, %d requesters, %d entitlements, %d approvers, %d clients "
                        + "calling with %s; runs under %s%n", options.requests(), options.warmup(), options.requesters(), options.entitlements(), CLIENTS,
                CLIENTS, options.tokens() ? "API tokens" : "HTTP Basic (bcrypt work factor 4)", out.toAbsolutePath());

        double tps = Double.NaN;
        if (options.pgbenchSeconds() > 0) {
            tps = Pgbench.run(options.pg(), "wt_bench_pgbench", CLIENTS, options.pgbenchSeconds(), out);
            System.out.printf(Locale.ROOT, "pgbench: %d clients, one-row INSERT transactions, %d s: %,.0f tps (load average %.1f)%n",
                    CLIENTS, options.pgbenchSeconds(), tps, JarRun.loadAverage());
        }

        List<String[]> table = new ArrayList<>();
        for (int i = 0; i < options.jars().size(); i++) {
            Path jar = options.jars().get(i);
            String name = "jar" + (i + 1) + "-" + jar.getFileName().toString().replaceAll("\\.jar$", "");
            System.out.printf("%n== %s (%s)%n", name, jar);
            JarRun.Result result;
            try {
                result = new JarRun(options, jar, name, out, "wt_bench_" + i).run();
            } catch (Exception e) {
                System.out.println("the run of " + jar + " failed: " + e);
                result = JarRun.Result.failed();
            }
            table.add(new String[] {jar.toString(), rate(result.filingRate()), rate(result.approvalRate()),
                    Integer.toString(result.serverErrors()), rate(tps), percent(result.filingRate(), tps) + " / "
                    + percent(result.approvalRate(), tps)});
        }
        printTable(table);
    }

    private static void printTable(List<String[]> rows) {
        String[] head = {"jar", "filing→stage req/s", "approval→ACTIVE grants/s", "5xx", "pgbench tps", "% of pgbench (filing / approval)"};
        int[] widths = new int[head.length];
        List<String[]> all = new ArrayList<>(List.<String[]>of(head));
        all.addAll(rows);
        for (String[] row : all) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        System.out.println();
        for (String[] row : all) {
            StringBuilder line = new StringBuilder("|");
            for (int c = 0; c < row.length; c++) {
                line.append(' ').append(String.format("%-" + widths[c] + "s", row[c])).append(" |");
            }
            System.out.println(line);
        }
    }

    private static String rate(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%,.1f", value);
    }

    private static String percent(double rate, double tps) {
        return Double.isNaN(rate) || Double.isNaN(tps) ? "—" : String.format(Locale.ROOT, "%.2f%%", 100 * rate / tps);
    }

    /** What the command line says, with the defaults of the brief. */
    record Options(List<Path> jars, int requests, int warmup, int requesters, int entitlements, String pg, int pgbenchSeconds,
                   int phaseTimeoutSeconds, boolean jfr, List<String> jvm, Path out, boolean tokens) {

        static Options parse(String[] args) {
            List<Path> jars = new ArrayList<>();
            for (String arg : args) {
                if (arg.startsWith("--jar=")) {
                    jars.add(Path.of(arg.substring("--jar=".length())));
                }
            }
            int requests = Integer.parseInt(option(args, "requests", "2000"));
            int warmup = Integer.parseInt(option(args, "warmup", "400"));
            int requesters = Integer.parseInt(option(args, "requesters", "200"));
            // every (requester, entitlement) pair at most once, the warm-up's included: a second request for a held
            // entitlement is refused
            int entitlements = Math.max(Integer.parseInt(option(args, "entitlements", "20")),
                    (warmup + requests + requesters - 1) / requesters);
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            return new Options(jars, requests, warmup, requesters, entitlements,
                    option(args, "pg", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"),
                    Integer.parseInt(option(args, "pgbench-seconds", "15")),
                    Integer.parseInt(option(args, "phase-timeout", Integer.toString(60 + requests / 2))),
                    Arrays.asList(args).contains("--jfr"),
                    Arrays.stream(option(args, "jvm", "-Xmx2g").split(" ")).filter(s -> !s.isBlank()).toList(),
                    Path.of(option(args, "out", "bench/target/process-throughput/" + stamp)),
                    !"basic".equals(option(args, "auth", "token")));
        }

        private static String option(String[] args, String name, String fallback) {
            for (String arg : args) {
                if (arg.startsWith("--" + name + "=")) {
                    return arg.substring(name.length() + 3);
                }
            }
            return fallback;
        }
    }

    /** The seeded population: who files what, and who approves whom. */
    record Population(int requesters, int entitlements) {

        static String approver(int a) {
            return "apv-" + a;
        }

        String requester(int r) {
            return "req-" + r;
        }

        static String entitlement(int e) {
            return "ent-" + e;
        }

        /** Request k: requester k mod R, and for that requester's m-th request the entitlement (m + r) mod E. */
        int requesterOf(int k) {
            return k % requesters;
        }

        int entitlementOf(int k) {
            int r = requesterOf(k);
            return (k / requesters + r) % entitlements;
        }

        static int approverOf(int requester) {
            return requester % CLIENTS;
        }
    }

    /** Seconds since a start on the monotonic clock. */
    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String now() {
        return Instant.now().toString();
    }

    static boolean accepted(HttpResponse<String> response) {
        return response != null && response.statusCode() == 202;
    }

    static int next(AtomicInteger counter, int limit) {
        int k = counter.getAndIncrement();
        return k < limit ? k : -1;
    }
}
