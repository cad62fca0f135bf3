package io.grantline.infra.support;

import static org.awaitility.Awaitility.await;

import io.grantline.infra.GrantlineApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Grantline in a JVM of its own, started from the test's class path, so a test can kill it as a power cut would
 * ({@code kill -9}) and start it again on the same database. Its output goes to {@code log}.
 */
public final class ChildApplication implements AutoCloseable {

    private final Process process;
    private final int port;

    private ChildApplication(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts Grantline with these {@code --name=value} arguments and waits until it answers its health check. */
    public static ChildApplication start(List<String> arguments, Path log) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp", applicationClassPath(),
                GrantlineApplication.class.getName(), "--server.port=" + port));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            ChildApplication child = new ChildApplication(process, port);
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(UncheckedIOException.class)
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("Grantline exited with " + process.exitValue() + "; see " + log);
                        }
                        return new Api(port).get("/actuator/health").status() == 200;
                    });
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test's class path less its test classes: the child runs the application as shipped, without test probes. */
    private static String applicationClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")).distinct()
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    public int port() {
        return port;
    }

    /** Kills the JVM without a chance to finish anything: no shutdown hook, no commit in flight completes. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
