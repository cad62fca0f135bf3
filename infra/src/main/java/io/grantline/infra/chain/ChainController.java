package io.grantline.infra.chain;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantline.infra.web.Problems;
import java.util.Base64;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tamper evidence for compliance officers: recomputes the event store's hash chain and says where it breaks, proves
 * with a kept manifest that the store was neither rewritten nor rolled back, and publishes the key that signs heads.
 */
@RestController
class ChainController {

    /** The key that signs checkpoint heads and manifests: {@code publicKey} is the base64 of its X.509 encoding. */
    record PublicKeyAnswer(String algorithm, String keyId, String publicKey, String pem) {
    }

    private final ChainVerifier verifier;
    private final ManifestCheck manifests;
    private final ChainSigningKey key;

    ChainController(ChainVerifier verifier, ManifestCheck manifests, ChainSigningKey key) {
        this.verifier = verifier;
        this.manifests = manifests;
        this.key = key;
    }

    @GetMapping("/api/compliance/verify")
    VerificationReport verify() {
        return verifier.verify();
    }

    /**
     * {@code {"manifest": {...}}}: the last line of an ndjson export, as JSON; or {@code {"head": {globalIndex,
     * chainHead, signature}}}: a signed head a witness kept (log line, daily mail).
     */
    @PostMapping("/api/compliance/verify")
    VerificationReport verify(@RequestBody JsonNode body) {
        if (body != null && body.has("head") && !body.has("manifest")) {
            ManifestFields.Head head = ManifestFields.headFromJson(body.get("head"));
            return manifests.verifyHead(head.globalIndex(), head.chainHead(), head.signature());
        }
        return manifests.verify(ManifestFields.fromJson(body == null ? null : body.get("manifest")));
    }

    @GetMapping("/api/compliance/public-key")
    PublicKeyAnswer publicKey() {
        return new PublicKeyAnswer(Ed25519Keys.ALGORITHM, key.keyId(), Base64.getEncoder().encodeToString(key.publicKey().getEncoded()),
                Ed25519Keys.publicKeyPem(key.publicKey()));
    }

    @ExceptionHandler(ManifestFields.BadManifest.class)
    ProblemDetail badManifest(ManifestFields.BadManifest e) {
        return Problems.invalidField(e.field, e.getMessage());
    }

}
