package io.grantline.infra.chain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a manifest as an auditor hands it back, from JSON ({@code POST /api/compliance/verify}, an ndjson export) or
 * from the {@code name=value} pairs of a CSV export's last line (given to the endpoint as the manifest's text), and
 * says which field is wrong when one is.
 */
final class ManifestFields {

    static final String CSV_PREFIX = "# manifest ";
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    /** A field that is missing or malformed, named as the caller wrote it ({@code manifest.sha256}). */
    static final class BadManifest extends RuntimeException {

        final String field;

        BadManifest(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    private ManifestFields() {
    }

    static ExportManifest fromJson(JsonNode manifest) {
        if (manifest != null && manifest.isTextual() && manifest.asText().startsWith(CSV_PREFIX)) {
            return fromCsvComment(manifest.asText());
        }
        if (manifest == null || !manifest.isObject()) {
            throw new BadManifest("manifest", "manifest is required: the object on the last line of an ndjson export");
        }
        return read(name -> {
            JsonNode value = manifest.get(name);
            return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
        });
    }

    /** A signed head as a witness published it. */
    record Head(long globalIndex, String chainHead, String signature) {
    }

    static Head headFromJson(JsonNode head) {
        if (head == null || !head.isObject()) {
            throw new BadManifest("head", "head is required: {globalIndex, chainHead, signature} of a signed head");
        }
        Source source = name -> head.hasNonNull(name) && head.get(name).isValueNode() ? head.get(name).asText() : null;
        return new Head(number(source, "globalIndex", "head."), hex(source, "chainHead", true, "head."),
                required(source, "signature", "head."));
    }

    /** The last line of a CSV export: {@code # manifest name=value name=value ...}. */
    static ExportManifest fromCsvComment(String line) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : line.trim().substring(CSV_PREFIX.length()).trim().split(" ")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                pairs.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return read(name -> "null".equals(pairs.get(name)) ? null : pairs.get(name));
    }

    private interface Source {
        String get(String name);
    }

    private static ExportManifest read(Source source) {
        Instant from = instant(source, "from");
        Instant to = instant(source, "to");
        long events = number(source, "events");
        String sha256 = hex(source, "sha256", true);
        Long globalIndex = source.get("globalIndex") == null ? null : number(source, "globalIndex");
        String chainHead = hex(source, "chainHead", globalIndex != null);
        if (globalIndex == null && chainHead != null) {
            throw new BadManifest("manifest.globalIndex", "globalIndex is required with chainHead");
        }
        String signature = required(source, "signature");
        String keyId = required(source, "keyId");
        return new ExportManifest(from, to, events, sha256, globalIndex, chainHead, source.get("signedHead"), signature, keyId);
    }

    private static String required(Source source, String name) {
        return required(source, name, "manifest.");
    }

    private static String required(Source source, String name, String prefix) {
        String value = source.get(name);
        if (value == null || value.isBlank() || value.length() > 500) {
            throw new BadManifest(prefix + name, name + " is required");
        }
        return value;
    }

    private static Instant instant(Source source, String name) {
        try {
            return Instant.parse(required(source, name));
        } catch (DateTimeParseException e) {
            throw new BadManifest("manifest." + name, name + " must be an ISO-8601 instant");
        }
    }

    private static long number(Source source, String name) {
        return number(source, name, "manifest.");
    }

    private static long number(Source source, String name, String prefix) {
        try {
            long value = Long.parseLong(required(source, name, prefix));
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadManifest(prefix + name, name + " must be a whole number, 0 or more");
        }
    }

    private static String hex(Source source, String name, boolean required) {
        return hex(source, name, required, "manifest.");
    }

    private static String hex(Source source, String name, boolean required, String prefix) {
        String value = source.get(name);
        if (value == null && !required) {
            return null;
        }
        if (value == null || !HEX64.matcher(value).matches()) {
            throw new BadManifest(prefix + name, name + " must be 64 lower-case hex digits (SHA-256)");
        }
        return value;
    }
}
