package io.grantline.infra.chain;

import java.time.Instant;
import org.springframework.stereotype.Component;

/** Seals an evidence export: checkpoints what is stored now, and signs a manifest naming the file and that head. */
@Component
public class ManifestSealer {

    private final ChainCheckpoints checkpoints;
    private final ChainSigningKey key;

    ManifestSealer(ChainCheckpoints checkpoints, ChainSigningKey key) {
        this.checkpoints = checkpoints;
        this.key = key;
    }

    /**
     * Called once the file's events are written: the checkpoint made now covers each of them (its signed head goes to
     * the witnesses as every head does), and the manifest vouches for the file with that head.
     */
    public ExportManifest seal(Instant from, Instant to, long events, String sha256) {
        checkpoints.checkpoint();
        java.util.Optional<SignedHead> latest = checkpoints.latest();
        Long globalIndex = latest.map(SignedHead::globalIndex).orElse(null);
        String chainHead = latest.map(SignedHead::head).orElse(null);
        String statement = ExportManifest.statement(from, to, events, sha256, globalIndex, chainHead, key.keyId());
        return new ExportManifest(from, to, events, sha256, globalIndex, chainHead, statement, key.sign(statement), key.keyId());
    }
}
