package io.grantline.workflow.mail;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an outbox row says about its mail: ids and routing data as strings (JSON text in the row). Strings keep rows
 * written by an older version readable by a newer one.
 */
public record MailPayload(Map<String, String> values) {

    public MailPayload {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Pairs of key and value; a null value is left out. */
    public static MailPayload of(Object... keysAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                values.put((String) keysAndValues[i], keysAndValues[i + 1].toString());
            }
        }
        return new MailPayload(values);
    }

    public String get(String key) {
        return values.get(key);
    }

    public int integer(String key) {
        String value = values.get(key);
        return value == null ? 0 : Integer.parseInt(value);
    }

    public Instant instant(String key) {
        String value = values.get(key);
        return value == null ? null : Instant.parse(value);
    }
}
