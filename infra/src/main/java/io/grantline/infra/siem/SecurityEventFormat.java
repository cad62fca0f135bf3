package io.grantline.infra.siem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a {@link SecurityEvent} as one syslog line (RFC 5424 header, facility authpriv) whose message is CEF or
 * JSON. Nothing a payload holds can break the line: CEF escapes its separators and line breaks, JSON has none.
 */
final class SecurityEventFormat {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int AUTHPRIV = 10;
    /** CEF extension keys for the payload fields a SIEM correlates on. */
    private static final Map<String, String> EXTENSIONS = fields();

    private final SiemSettings.Format format;
    private final String hostname;
    private final String version;

    SecurityEventFormat(SiemSettings.Format format, String hostname, String version) {
        this.format = format;
        this.hostname = hostname;
        this.version = version;
    }

    String line(SecurityEvent event) {
        String header = "<" + (AUTHPRIV * 8 + syslogSeverity(event.severity())) + ">1 "
                + DateTimeFormatter.ISO_INSTANT.format(event.at()) + " " + hostname + " grantline - " + event.type() + " - ";
        return header + (format == SiemSettings.Format.CEF ? cef(event) : json(event));
    }

    String cef(SecurityEvent event) {
        StringBuilder cef = new StringBuilder("CEF:0|Grantline|Grantline|").append(header(version)).append('|')
                .append(header(event.type())).append('|').append(header(event.name())).append('|').append(event.severity())
                .append('|');
        extension(cef, "rt", Long.toString(event.at().toEpochMilli()));
        extension(cef, "externalId", event.eventId());
        extension(cef, "suser", event.actorId());
        extension(cef, "src", event.address());
        extension(cef, "cs1Label", "channel");
        extension(cef, "cs1", event.channel());
        EXTENSIONS.forEach((field, key) -> {
            JsonNode value = event.payload().path(field);
            if (value.isValueNode() && !value.isNull()) {
                if (key.startsWith("cs")) {
                    extension(cef, key + "Label", field);
                }
                extension(cef, key, value.asText());
            }
        });
        return cef.toString().stripTrailing();
    }

    String json(SecurityEvent event) {
        ObjectNode json = JSON.createObjectNode();
        json.put("time", event.at().toString());
        json.put("eventId", event.eventId());
        json.put("type", event.type());
        json.put("name", event.name());
        json.put("severity", event.severity());
        json.put("actorId", event.actorId());
        json.put("channel", event.channel());
        json.put("address", event.address());
        json.set("payload", event.payload());
        return json.toString();
    }

    /** CEF 0-10 onto syslog's 0 (emergency) - 7 (debug). */
    static int syslogSeverity(int cef) {
        if (cef >= 9) {
            return 2;
        }
        if (cef >= 7) {
            return 3;
        }
        if (cef >= 5) {
            return 4;
        }
        return cef >= 4 ? 5 : 6;
    }

    /** In CEF's header, a pipe and a backslash are escaped; a line break would end the line and becomes a space. */
    static String header(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("|", "\\|").replaceAll("[\\r\\n]+", " ");
    }

    /** In CEF's extension, an equals sign and a backslash are escaped, line breaks written as \n and \r. */
    static String extensionValue(String value) {
        return value.replace("\\", "\\\\").replace("=", "\\=").replace("\r", "\\r").replace("\n", "\\n");
    }

    private static void extension(StringBuilder cef, String key, String value) {
        if (value != null && !value.isEmpty()) {
            cef.append(key).append('=').append(extensionValue(value)).append(' ');
        }
    }

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("identityId", "duser");
        fields.put("approverId", "cs2");
        fields.put("reviewerId", "cs2");
        fields.put("grantId", "cs3");
        fields.put("requestId", "cs4");
        fields.put("entitlementId", "cs5");
        fields.put("outcome", "outcome");
        fields.put("reason", "reason");
        fields.put("comment", "msg");
        return fields;
    }
}
