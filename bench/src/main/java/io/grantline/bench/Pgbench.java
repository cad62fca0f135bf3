package io.grantline.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the same PostgreSQL commits when nothing but the database is in the way: pgbench with 8 clients, each
 * transaction one single-row INSERT, in a scratch database that is dropped afterwards. The yardstick for the
 * pipeline's rates: a filing or an approval is a handful of such commits plus the work around them.
 */
final class Pgbench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private Pgbench() {
    }

    /** Runs pgbench for {@code seconds}; the tps it prints, or NaN (with pgbench's output) when it could not run. */
    static double run(String baseUrl, String database, int clients, int seconds, Path workDir) throws IOException, InterruptedException, SQLException {
        try (Connection admin = DriverManager.getConnection(baseUrl); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
        try {
            try (Connection scratch = DriverManager.getConnection(PipelineDatabase.urlOf(baseUrl, database));
                 Statement statement = scratch.createStatement()) {
                statement.execute("CREATE TABLE bench_row (id BIGSERIAL PRIMARY KEY, value INTEGER NOT NULL, "
                        + "at TIMESTAMPTZ NOT NULL DEFAULT now())");
            }
            Path script = workDir.resolve("pgbench-insert.sql");
            Files.writeString(script, "\\set value random(1, 1000000)\nINSERT INTO bench_row (value) VALUES (:value);\n");
            URI server = URI.create(baseUrl.substring("jdbc:".length()));
            List<String> command = List.of("pgbench", "-n", "-h", server.getHost(), "-p", Integer.toString(server.getPort()),
                    "-U", "postgres", "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)),
                    "-T", Integer.toString(seconds), "-f", script.toString(), database);
            Process pgbench = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            pgbench.waitFor();
            Files.writeString(workDir.resolve("pgbench.log"), String.join(" ", command) + "\n" + output);
            Matcher tps = TPS.matcher(output);
            if (!tps.find()) {
                System.out.println("pgbench printed no tps:\n" + output);
                return Double.NaN;
            }
            return Double.parseDouble(tps.group(1));
        } finally {
            try (Connection admin = DriverManager.getConnection(baseUrl); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }
}
