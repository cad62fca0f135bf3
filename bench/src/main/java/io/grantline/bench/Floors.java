package io.grantline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** What {@link EngineFloorBenchmark} and {@link AxonFloorBenchmark} share: their clients, pool, options and report. */
final class Floors {

    private Floors() {
    }

    interface Call {
        void run(int index) throws Exception;
    }

    /** A phase's wall-clock time and the CPU spent meanwhile. */
    record Measured(long nanos, CpuMeter cpu) {
    }

    /** The options both floors take; see bench/README.md. */
    record Options(int requests, int warmup, int clients, String pg, int pgbenchSeconds, Path out) {

        static Options parse(String[] args, String defaultOut) throws IOException {
            return new Options(Integer.parseInt(option(args, "requests", "2000")), Integer.parseInt(option(args, "warmup", "400")),
                    Integer.parseInt(option(args, "clients", "8")), option(args, "pg", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"),
                    Integer.parseInt(option(args, "pgbench-seconds", "15")), Files.createDirectories(Path.of(option(args, "out", defaultOut))));
        }

        /** pgbench's figure on the same server, first, unless {@code --pgbench-seconds=0}. */
        void pgbenchFirst() throws Exception {
            if (pgbenchSeconds > 0) {
                double tps = Pgbench.run(pg, "grantline_pgbench", clients, pgbenchSeconds, out);
                System.out.printf(Locale.ROOT, "pgbench, %d clients, one-row inserts, %d s: %,.0f tps%n", clients, pgbenchSeconds, tps);
            }
        }

        /** After the warm-up: what autovacuum would have done by now on a production server, as ProcessThroughputBenchmark does. */
        void settle(PipelineDatabase database) throws SQLException {
            if (!database.autovacuum()) {
                database.vacuumAnalyze();
                System.out.println("this server runs without autovacuum: VACUUM ANALYZE after the warm-up");
            }
        }
    }

    /** {@code count} calls spread over {@code clients} threads, each taking the next index until none is left. */
    static void inParallel(int clients, int count, Call call) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        call.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Grantline's pool size (application.yaml): the job executor, the bridge and the callers share it. */
    static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }

    static void report(String phase, String unit, int count, Measured measured) {
        double seconds = measured.nanos() / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d in %.1f s = %.1f %ss/s%n  %s%n", phase, count, seconds, count / seconds, unit,
                measured.cpu().perRequest(count, unit));
    }

    static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }
}
