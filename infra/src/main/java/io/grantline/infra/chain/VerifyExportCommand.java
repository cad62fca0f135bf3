package io.grantline.infra.chain;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;

/**
 * {@code java -jar grantline.jar verify-export FILE --public-key KEY}: the offline verifier for auditors. KEY is a PEM
 * file, or the base64 {@code publicKey} of {@code GET /api/compliance/public-key}. Exit status 0 when the export is
 * the one Grantline signed and whole, 1 when it is not, 2 when it cannot be checked (usage, unreadable file or key).
 * Starts no Spring, opens no database and no connection.
 */
public final class VerifyExportCommand {

    public static final String NAME = "verify-export";

    private VerifyExportCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        String key = null;
        for (int i = 0; i < args.length; i++) {
            if ("--public-key".equals(args[i]) && i + 1 < args.length) {
                key = args[++i];
            } else if (file == null && !args[i].startsWith("--")) {
                file = Path.of(args[i]);
            } else {
                file = null;
                break;
            }
        }
        if (file == null || key == null) {
            err.println("usage: java -jar grantline.jar " + NAME + " FILE --public-key KEY   (KEY: a PEM file, or the base64 key)");
            return 2;
        }
        try {
            PublicKey publicKey = Ed25519Keys.readPublicKey(Files.isRegularFile(Path.of(key))
                    ? Files.readString(Path.of(key), StandardCharsets.US_ASCII) : key);
            ExportVerifier.Result result = ExportVerifier.verify(Files.readAllBytes(file), publicKey);
            if (result.ok()) {
                out.println("OK " + file + ": " + result.events() + " events, SHA-256 " + result.manifest().sha256()
                        + ", signed by key " + result.manifest().keyId() + " with the chain head " + result.manifest().chainHead()
                        + " at global index " + result.manifest().globalIndex()
                        + ". Keep the manifest; POST it to /api/compliance/verify to prove the store still extends that head.");
                return 0;
            }
            out.println("REFUSED " + file + ":");
            result.problems().forEach(problem -> out.println("  " + problem));
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot check " + file + ": " + e.getMessage());
            return 2;
        }
    }
}
