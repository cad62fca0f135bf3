package io.grantline.infra.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grantline.infra.support.Api;
import io.grantline.infra.support.GrantlineIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auditor's offline check ({@code java -jar grantline.jar verify-export FILE --public-key KEY}): it needs the file
 * and the published key, and nothing of the running Grantline.
 */
class OfflineVerifierTest extends GrantlineIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void aTrueExportIsAcceptedWithThePublishedKey() throws Exception {
        Path export = exportOfNewEvents("ndjson");
        Path key = publishedKey();

        Run run = verifyExport(export.toString(), "--public-key", key.toString());

        assertThat(run.status()).as(run.out()).isZero();
        assertThat(run.out()).startsWith("OK ").contains(" events, SHA-256 ");
        assertThat(verifyExport(export.toString(), "--public-key", admin().get("/api/compliance/public-key").json().get("publicKey")
                .asText()).status()).as("the key given as its base64 text").isZero();
    }

    @Test
    void anExportWithAChangedLineIsRefusedEvenWithItsManifestRecomputed() throws Exception {
        Path export = exportOfNewEvents("ndjson");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(export));
        int roles = 0;
        while (!lines.get(roles).contains("[\"SECURITY_OPERATOR\"]")) {
            roles++;
        }
        lines.set(roles, lines.get(roles).replace("SECURITY_OPERATOR", "ADMINISTRATOR"));
        Files.write(export, lines);

        Run run = verifyExport(export.toString(), "--public-key", publishedKey().toString());

        assertThat(run.status()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).startsWith("REFUSED").contains("SHA-256", "line " + (roles + 1) + " ", "no longer give its hash");

        // the forger also puts the new SHA-256 into the manifest: the signature no longer covers it
        String content = String.join("\n", lines.subList(0, lines.size() - 1)) + "\n";
        JsonNode manifest = JSON.readTree(lines.get(lines.size() - 1));
        ((com.fasterxml.jackson.databind.node.ObjectNode) manifest.get("manifest")).put("sha256", sha256(content));
        Files.writeString(export, content + JSON.writeValueAsString(manifest) + "\n");

        Run again = verifyExport(export.toString(), "--public-key", publishedKey().toString());

        assertThat(again.status()).as(again.out()).isEqualTo(1);
        assertThat(again.out()).contains("signature does not verify").doesNotContain("SHA-256 of the lines");
    }

    @Test
    void aCsvExportIsCheckedAsAWholeFile() throws Exception {
        Path export = exportOfNewEvents("csv");
        assertThat(verifyExport(export.toString(), "--public-key", publishedKey().toString()).status()).isZero();
        List<String> lines = Files.readAllLines(export);
        Api.Response kept = admin().post("/api/compliance/verify",
                JSON.writeValueAsString(java.util.Map.of("manifest", lines.get(lines.size() - 1))));
        assertThat(kept.status()).as("%s", kept).isEqualTo(200);
        assertThat(kept.json().get("ok").asBoolean()).as("the CSV manifest line, handed back as text: %s", kept).isTrue();

        Files.writeString(export, Files.readString(export).replaceFirst("SECURITY_OPERATOR", "ADMINISTRATOR"));

        assertThat(verifyExport(export.toString(), "--public-key", publishedKey().toString()).status()).isEqualTo(1);
    }

    @Test
    void withoutAKeyItSaysHowToCallIt() {
        Run run = verifyExport("evidence.ndjson");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("usage: java -jar grantline.jar verify-export FILE --public-key KEY");
    }

    /** An export of four events of a new identity, written to a file as the auditor downloads it. */
    private Path exportOfNewEvents(String format) throws Exception {
        String id = FourEventStream.identity(admin(), eventStore, "vera");
        JsonNode history = JSON.readTree(admin().get("/api/compliance/identities/" + id + "/history").body()).get("events");
        Instant from = Instant.parse(history.get(0).get("timestamp").asText());
        Instant to = Instant.parse(history.get(history.size() - 1).get("timestamp").asText()).plusMillis(1);
        Api.Response export = admin().get("/api/compliance/export?from=" + from + "&to=" + to + "&format=" + format);
        assertThat(export.status()).as("%s", export).isEqualTo(200);
        Path file = folder.resolve("evidence-" + id + "." + format);
        Files.writeString(file, export.body());
        return file;
    }

    private Path publishedKey() throws Exception {
        Path file = folder.resolve("grantline-public-key.pem");
        Files.writeString(file, admin().get("/api/compliance/public-key").json().get("pem").asText());
        return file;
    }

    private record Run(int status, String out, String err) {
    }

    private static Run verifyExport(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = VerifyExportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
