package io.grantline.infra.siem;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the security event stream goes: a syslog receiver (the SIEM's collector). Off while {@code host} is unset.
 *
 * @param host     the receiver's host name or address
 * @param port     its TCP port (6514, syslog over TLS, by default; plain syslog over TCP listens on 601)
 * @param protocol {@code tls} (by default; the JVM's trust store checks the receiver's certificate) or {@code tcp}
 * @param format   {@code cef} (ArcSight Common Event Format) or {@code json}, one event per line
 */
@ConfigurationProperties("grantline.siem.syslog")
public record SiemSettings(String host, @DefaultValue("6514") int port, @DefaultValue("tls") Protocol protocol,
                           @DefaultValue("cef") Format format) {

    /** How the stream reaches the receiver. */
    public enum Protocol { TCP, TLS }

    /** How each event is written. */
    public enum Format { CEF, JSON }
}
