package io.grantline.infra.siem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security event stream over syslog-TLS (RFC 5425), against a real TLS receiver whose certificate the JDK's keytool
 * makes for {@code localhost}: a receiver the sender trusts gets the line; one it does not trust, or whose certificate
 * does not name the host the sender was told, gets nothing, and the sender does not count the line as delivered.
 */
class SyslogOverTlsTest {

    private static final char[] STORE_PASSWORD = "receiver-store-pw".toCharArray();

    @TempDir
    static Path dir;

    private static KeyStore receiverKeys;
    private static SSLServerSocket receiver;
    private static final ExecutorService accepting = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void startTheReceiver() throws Exception {
        Path store = dir.resolve("receiver.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(STORE_PASSWORD)).redirectErrorStream(true).start();
        String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0).as(said).isTrue();
        receiverKeys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            receiverKeys.load(in, STORE_PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(receiverKeys, STORE_PASSWORD);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(keys.getKeyManagers(), null, null);
        receiver = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 10, InetAddress.getLoopbackAddress());
    }

    @AfterAll
    static void stopTheReceiver() throws Exception {
        receiver.close();
        accepting.shutdownNow();
    }

    @Test
    void aTrustedReceiverGetsTheLineOverTls() throws Exception {
        Future<String> received = accepting.submit(SyslogOverTlsTest::acceptOneLine);
        SyslogConnection connection = new SyslogConnection(settings("localhost"), trusting(receiverKeys));
        try {
            connection.send("<116>1 2026-12-02T10:00:00Z plant grantline - - - CEF:0|Grantline|compromise");
            assertThat(received.get(20, TimeUnit.SECONDS)).isEqualTo("<116>1 2026-12-02T10:00:00Z plant grantline - - - CEF:0|Grantline|compromise");
        } finally {
            connection.shutdown();
        }
    }

    @Test
    void aReceiverTheSenderDoesNotTrustGetsNothingAndTheLineIsNotCountedAsSent() throws Exception {
        // the production default: the JVM's trust store, which knows nothing of this receiver's certificate
        assertRefused(new SyslogConnection(settings("localhost")));
    }

    @Test
    void aCertificateThatDoesNotNameTheHostIsRefused() throws Exception {
        // the receiver's certificate names localhost; the sender was told the address
        assertRefused(new SyslogConnection(settings("127.0.0.1"), trusting(receiverKeys)));
    }

    /** The send fails (so the stream does not count the event as delivered) and the receiver gets no line. */
    private static void assertRefused(SyslogConnection connection) throws Exception {
        Future<String> received = accepting.submit(SyslogOverTlsTest::acceptOneLine);
        try {
            assertThatThrownBy(() -> connection.send("a line for the wrong receiver")).isInstanceOf(UncheckedIOException.class);
            assertThat(received.get(20, TimeUnit.SECONDS)).as("the handshake failed before any line").isNull();
        } finally {
            connection.shutdown();
        }
    }

    private static SiemSettings settings(String host) {
        return new SiemSettings(host, receiver.getLocalPort(), SiemSettings.Protocol.TLS, SiemSettings.Format.CEF);
    }

    /** A sender whose trust store holds the certificates of {@code store}. */
    private static SSLSocketFactory trusting(KeyStore store) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        for (String alias : Collections.list(store.aliases())) {
            trusted.setCertificateEntry(alias, store.getCertificate(alias));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, trust.getTrustManagers(), null);
        return client.getSocketFactory();
    }

    /** The first line of the next connection, or null when its handshake fails or it sends none. */
    private static String acceptOneLine() {
        try (Socket accepted = receiver.accept()) {
            accepted.setSoTimeout(15_000);
            // byte by byte up to the line feed: a reader's read-ahead would wait for more than the one line sent
            InputStream in = accepted.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    return null;
                }
                line.write(b);
            }
            // closing waits, up to this, for the sender's own close_notify, which comes only when the test ends
            accepted.setSoTimeout(100);
            return line.toString(StandardCharsets.UTF_8);
        } catch (Exception handshakeOrReadFailed) {
            return null;
        }
    }
}
