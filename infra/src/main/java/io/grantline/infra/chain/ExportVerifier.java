package io.grantline.infra.chain;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Checks an evidence export and its manifest without a running Grantline, so that an auditor need trust nothing but
 * the published public key: the manifest's signature, the SHA-256 and the count of what precedes it, and for ndjson
 * each event's hash recomputed from its own line and its link to the event before it in its stream where both are in
 * the file. Whether the store still holds the manifest's head is for {@code POST /api/compliance/verify} to say.
 */
public final class ExportVerifier {

    /** What the check found: nothing in {@code problems} means the file is the one Grantline signed, and whole. */
    public record Result(long events, ExportManifest manifest, List<String> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private ExportVerifier() {
    }

    public static Result verify(byte[] file, PublicKey key) {
        int manifestStart = lastLineStart(file);
        byte[] content = Arrays.copyOf(file, manifestStart);
        String manifestLine = new String(file, manifestStart, file.length - manifestStart, StandardCharsets.UTF_8).trim();
        List<String> problems = new ArrayList<>();
        boolean csv = manifestLine.startsWith(ManifestFields.CSV_PREFIX);
        ExportManifest manifest;
        try {
            manifest = csv ? ManifestFields.fromCsvComment(manifestLine)
                    : ManifestFields.fromJson(EXACT.readTree(manifestLine).get("manifest"));
        } catch (IOException | ManifestFields.BadManifest | NullPointerException e) {
            return new Result(0, null, List.of("the last line is not a manifest: " + e.getMessage()));
        }
        if (!Ed25519Keys.keyId(key).equals(manifest.keyId())) {
            problems.add("the manifest names key " + manifest.keyId() + ", not the given key " + Ed25519Keys.keyId(key));
        } else if (!Ed25519Keys.verify(key, manifest.statement(), manifest.signature())
                || (manifest.signedHead() != null && !manifest.signedHead().equals(manifest.statement()))) {
            problems.add("the manifest's signature does not verify: the manifest was changed or forged");
        }
        String sha256 = sha256(content);
        if (!sha256.equals(manifest.sha256())) {
            problems.add("the SHA-256 of the lines before the manifest is " + sha256 + ", the manifest says " + manifest.sha256()
                    + ": a line was changed, added or removed");
        }
        List<String> lines = lines(new String(content, StandardCharsets.UTF_8), csv);
        long events = csv ? Math.max(0, lines.size() - 1) : lines.size();
        if (events != manifest.events()) {
            problems.add("the file holds " + events + " events, the manifest says " + manifest.events());
        }
        if (!csv) {
            checkEvents(lines, problems);
        }
        return new Result(events, manifest, List.copyOf(problems));
    }

    /** Each ndjson line's hash, recomputed from its own columns, and the links between lines of one stream. */
    private static void checkEvents(List<String> lines, List<String> problems) {
        Map<String, String> hashes = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String where = "line " + (i + 1);
            try {
                JsonNode line = EXACT.readTree(lines.get(i));
                JsonNode stored = line.path("stored");
                String stream = stored.path("aggregateIdentifier").asText(null);
                long sequence = line.path("sequence").asLong();
                where += " (" + stream + " #" + sequence + ", global index " + line.path("globalIndex").asText() + ")";
                String hash = line.path("hash").asText(null);
                String previousHash = line.path("previousHash").asText(null);
                if (hash == null || stored.path("hashForm").isNull() || stored.isMissingNode()) {
                    problems.add(where + ": the event has no hash");
                    continue;
                }
                EventHash.StoredEvent event = new EventHash.StoredEvent(stored.path("eventIdentifier").asText(null),
                        stored.path("type").asText(null), stream, sequence, stored.path("payloadType").asText(null),
                        stored.path("payloadRevision").asText(null), stored.path("timeStamp").asText(null),
                        EXACT.writeValueAsBytes(line.get("payload")),
                        stored.path("metaData").isNull() ? null : EXACT.writeValueAsBytes(stored.get("metaData")));
                if (!hash.equals(EventHash.of(event, previousHash, stored.path("hashForm").asInt()))) {
                    problems.add(where + ": the event's columns no longer give its hash");
                }
                String before = hashes.get(stream + '\u0000' + (sequence - 1));
                if (before != null && !before.equals(previousHash)) {
                    problems.add(where + ": its previous hash is not the hash of the event before it");
                }
                hashes.put(stream + '\u0000' + sequence, hash);
            } catch (IOException | EventHash.UnreadableEvent e) {
                problems.add(where + ": unreadable (" + e.getMessage() + ")");
            }
        }
    }

    private static int lastLineStart(byte[] file) {
        int end = file.length;
        while (end > 0 && (file[end - 1] == '\n' || file[end - 1] == '\r')) {
            end--;
        }
        int start = end;
        while (start > 0 && file[start - 1] != '\n') {
            start--;
        }
        return start;
    }

    /** Lines, a CSV line running on while a quoted field is open. */
    private static List<String> lines(String content, boolean csv) {
        List<String> lines = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (csv && c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                lines.add(content.substring(start, i));
                start = i + 1;
            }
        }
        if (start < content.length()) {
            lines.add(content.substring(start));
        }
        return lines;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
