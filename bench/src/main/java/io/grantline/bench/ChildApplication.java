package io.grantline.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Grantline jar running in its own JVM on a database of the benchmark's choosing, with the embedded MongoDB-protocol
 * and SMTP servers (their defaults), a fresh data directory and a free port. Its output goes to a log file beside the
 * run, its flight recording (with {@code jfr}) too; stopping it asks politely first, so the recording is written.
 */
final class ChildApplication implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ChildApplication(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ChildApplication start(Path jar, String jdbcUrl, Path dataDir, String adminPassword, List<String> jvmOptions,
                                  Path jfr, Path log) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (jfr != null) {
            // Spring, Axon and Camunda stack deeper than JFR's default 64 frames: keep the Grantline frames in view
            command.add("-XX:FlightRecorderOptions=stackdepth=256");
            command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
        }
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // embedded MongoDB-protocol and SMTP servers, whatever the shell that started the benchmark says
        env.remove("SPRING_DATA_MONGODB_URI");
        env.remove("SPRING_MAIL_HOST");
        env.put("SPRING_DATASOURCE_URL", jdbcUrl);
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("GRANTLINE_DATA_DIR", dataDir.toString());
        env.put("GRANTLINE_ADMIN_PASSWORD", adminPassword);
        // a sign-in costs 2^4 rounds instead of 2^10: the benchmark measures the pipeline, not bcrypt
        env.put("GRANTLINE_SECURITY_BCRYPT_STRENGTH", "4");
        env.put("SERVER_PORT", Integer.toString(port));
        return new ChildApplication(builder.start(), port, log);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** SIGTERM, so Spring shuts down and the JVM writes its flight recording; SIGKILL if that takes over a minute. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
