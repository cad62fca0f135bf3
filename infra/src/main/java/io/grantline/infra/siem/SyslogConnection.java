package io.grantline.infra.siem;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One TCP (or TLS) connection to the syslog receiver, opened when first needed and again after it broke. Lines are
 * framed by a line feed (RFC 6587's non-transparent framing, what SIEM collectors accept for CEF and JSON). A line
 * that could not be written throws, so the caller does not count it as delivered. TCP has no acknowledgement: lines a
 * receiver had taken into its buffer but not yet read when it died are lost.
 */
class SyslogConnection implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    /** A receiver that stops reading would block a write for ever: the connection is closed under it after this. */
    private static final long WRITE_TIMEOUT_MS = 30_000;

    private final SiemSettings settings;
    private final SSLSocketFactory tlsSockets;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "siem-write-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Socket socket;
    private OutputStream out;

    /** Over TLS, the receiver's certificate is checked against the JVM's trust store. */
    SyslogConnection(SiemSettings settings) {
        this(settings, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** {@code tlsSockets}: whose trust decides which receivers are believed (a test's own certificate authority). */
    SyslogConnection(SiemSettings settings, SSLSocketFactory tlsSockets) {
        this.settings = settings;
        this.tlsSockets = tlsSockets;
    }

    synchronized void send(String line) {
        try {
            if (out != null && peerClosed()) {
                close();
            }
            if (out == null) {
                open();
            }
            Socket writingTo = socket;
            ScheduledFuture<?> guard = watchdog.schedule(() -> closeQuietly(writingTo), WRITE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            try {
                out.write((line.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } finally {
                guard.cancel(false);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("syslog receiver " + settings.host() + ":" + settings.port() + " did not take the event", e);
        }
    }

    private static void closeQuietly(Socket stuck) {
        try {
            stuck.close(); // the blocked write fails, and the event is sent again on a new connection
        } catch (IOException ignored) {
            // it is being closed anyway
        }
    }

    /**
     * A receiver that closed the connection (restarted, say) still lets a write succeed into the local buffer, and the
     * line would be lost: a read that answers end-of-stream at once shows it, and the line goes to a new connection.
     */
    private boolean peerClosed() throws IOException {
        socket.setSoTimeout(1);
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        }
    }

    private void open() throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(settings.host(), settings.port()), CONNECT_TIMEOUT_MS);
            if (settings.protocol() == SiemSettings.Protocol.TLS) {
                SSLSocket tls = (SSLSocket) tlsSockets.createSocket(plain, settings.host(), settings.port(), true);
                var parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the receiver's certificate must name its host
                tls.setSSLParameters(parameters);
                tls.startHandshake();
                socket = tls;
            } else {
                socket = plain;
            }
            out = socket.getOutputStream();
        } catch (IOException | RuntimeException refused) {
            // a receiver that refuses the handshake is tried again with the next event: no socket left open meanwhile
            plain.close();
            throw refused;
        }
    }

    @Override
    public synchronized void close() {
        closeConnection();
    }

    void shutdown() {
        close();
        watchdog.shutdownNow();
    }

    private void closeConnection() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing a broken connection: nothing more to do
        } finally {
            socket = null;
            out = null;
        }
    }
}
