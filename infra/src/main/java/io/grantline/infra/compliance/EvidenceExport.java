package io.grantline.infra.compliance;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grantline.infra.chain.ExportManifest;
import io.grantline.infra.chain.ManifestSealer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * An evidence file of a period: every event stored in {@code [from, to)}, in global order, one per line, and a last
 * line, the signed manifest ({@link ExportManifest}): the number of events, the SHA-256 of every byte before it, and
 * the global index and head of the checkpoint that covers them, signed with the chain's key. An auditor checks the
 * file offline with the public key ({@code verify-export}) and keeps the manifest to prove later that the store was
 * neither rewritten nor rolled back ({@code POST /api/compliance/verify}). Written event by event: memory stays constant.
 */
@Component
class EvidenceExport {

    /** The formats an evidence file comes in. */
    enum Format {
        NDJSON("application/x-ndjson", "ndjson"),
        CSV("text/csv;charset=UTF-8", "csv");

        final String contentType;
        final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }
    }

    record ManifestLine(ExportManifest manifest) {
    }

    private static final String CSV_HEADER =
            "aggregateType,aggregateId,sequence,globalIndex,type,timestamp,actorId,channel,payload,hash,previousHash\n";

    private final EventStoreReader events;
    private final ObjectMapper json;
    private final ManifestSealer sealer;

    EvidenceExport(EventStoreReader events, ObjectMapper json, ManifestSealer sealer) {
        this.events = events;
        this.json = json;
        this.sealer = sealer;
    }

    void write(Instant from, Instant to, Format format, OutputStream target) throws IOException {
        BufferedOutputStream out = new BufferedOutputStream(target, 64 * 1024);
        DigestOutputStream digested = new DigestOutputStream(out, sha256());
        long[] count = {0};
        if (format == Format.CSV) {
            digested.write(CSV_HEADER.getBytes(StandardCharsets.UTF_8));
        }
        try {
            events.forEachStoredBetween(from, to, stored -> {
                HistoryEvent event = events.toHistory(stored);
                try {
                    digested.write(format == Format.CSV ? csvRow(event) : ndjsonLine(event));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                count[0]++;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        String sha256 = HexFormat.of().formatHex(digested.getMessageDigest().digest());
        ExportManifest manifest = sealer.seal(from, to, count[0], sha256);
        if (format == Format.CSV) {
            out.write((manifest.csvComment() + "\n").getBytes(StandardCharsets.UTF_8));
        } else {
            out.write(json.writeValueAsBytes(new ManifestLine(manifest)));
            out.write('\n');
        }
        out.flush();
    }

    private byte[] ndjsonLine(HistoryEvent event) throws IOException {
        byte[] line = json.writeValueAsBytes(event);
        byte[] withNewline = new byte[line.length + 1];
        System.arraycopy(line, 0, withNewline, 0, line.length);
        withNewline[line.length] = '\n';
        return withNewline;
    }

    private byte[] csvRow(HistoryEvent event) throws IOException {
        StringBuilder row = new StringBuilder(256);
        row.append(field(event.aggregateType())).append(',')
                .append(field(event.aggregateId())).append(',')
                .append(event.sequence()).append(',')
                .append(event.globalIndex()).append(',')
                .append(field(event.type())).append(',')
                .append(event.timestamp() == null ? "" : event.timestamp().toString()).append(',')
                .append(field(event.actorId())).append(',')
                .append(field(event.channel())).append(',')
                .append(quoted(json.writeValueAsString(event.payload()))).append(',')
                .append(field(event.hash())).append(',')
                .append(field(event.previousHash())).append('\n');
        return row.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    private static String field(String value) {
        if (value == null) {
            return "";
        }
        return value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r') ? quoted(value) : value;
    }

    private static String quoted(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
