package io.grantline.infra.siem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grantline.infra.GrantlineApplication;
import io.grantline.infra.support.Api;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With {@code grantline.siem.syslog.*} set, the security facts reach a real syslog receiver over TCP as CEF lines:
 * who marked whom compromised, through which channel. A receiver that is not there yet loses nothing: the stream
 * waits and delivers once it listens.
 */
@Tag("own-application")
class SecurityEventStreamTest {

    private static final String PASSWORD = "siem-admin-password";

    @Test
    void aCompromiseReachesTheReceiverAsACefLineEvenWhenTheReceiverComesLate(@TempDir Path dataDir) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort(); // free now, and nobody listens there until the receiver below starts
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GrantlineApplication.class).run(
                "--server.port=0",
                "--grantline.data-dir=" + dataDir.toAbsolutePath(),
                "--grantline.security.admin-password=" + PASSWORD,
                "--grantline.security.bcrypt-strength=4",
                "--camunda.bpm.process-engine-name=siem",
                "--grantline.siem.syslog.host=127.0.0.1",
                "--grantline.siem.syslog.port=" + port,
                "--grantline.siem.syslog.protocol=tcp",
                "--grantline.siem.syslog.format=cef")) {
            // the stream starts where the event store stands when it first runs: wait until it has taken that position
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM tokenentry WHERE processorname = ?")
                    .param(SecurityEventStream.PROCESSING_GROUP).query(Long.class).single() > 0);
            Api admin = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port"))).as("admin", PASSWORD);
            assertThat(admin.post("/api/identities", "{\"id\":\"siem-olga\",\"kind\":\"HUMAN\",\"displayName\":\"Olga\"}").status())
                    .isEqualTo(202);
            assertThat(admin.post("/api/identities/siem-olga/compromised", "{\"reason\":\"token | found=leaked\"}").status())
                    .isEqualTo(202);

            try (Receiver receiver = new Receiver(port)) {
                String compromise = await().atMost(Duration.ofSeconds(60)).until(
                        () -> receiver.lines.stream().filter(line -> line.contains("|IdentityMarkedCompromised|")).findFirst().orElse(null),
                        line -> line != null);
                assertThat(compromise).startsWith("<82>1 ").contains("CEF:0|Grantline|Grantline|", "|Identity marked compromised|9|",
                        "suser=admin", "cs1=API", "duser=siem-olga", "reason=token | found\\=leaked");
                assertThat(receiver.lines).as("what came before it, in order").anyMatch(line -> line.contains("|IdentityRegistered|"));
            }
        }
    }

    /** A syslog receiver: takes one connection after another and keeps every line. */
    private static final class Receiver implements AutoCloseable {

        final List<String> lines = new CopyOnWriteArrayList<>();
        private final ServerSocket server;

        Receiver(int port) throws IOException {
            server = new ServerSocket(port);
            Thread accept = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket connection = server.accept();
                         BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            lines.add(line);
                        }
                    } catch (IOException closed) {
                        // the receiver is closing, or the sender reconnects
                    }
                }
            }, "syslog-receiver");
            accept.setDaemon(true);
            accept.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
