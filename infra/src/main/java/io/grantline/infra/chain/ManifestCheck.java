package io.grantline.infra.chain;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Proves with a manifest an auditor kept that the store still extends the head the manifest was signed for. The whole
 * chain is verified first (an event altered, deleted or re-hashed, a checkpoint rebuilt without the key); then the
 * manifest's head must still be a checkpoint of the store, at its global index. A store restored from an earlier dump
 * is intact in itself and signed with the right key, so only this last step can see that it went back in time.
 */
@Component
class ManifestCheck {

    private final ChainVerifier verifier;
    private final ChainSigningKey key;
    private final JdbcClient jdbc;

    ManifestCheck(ChainVerifier verifier, ChainSigningKey key, JdbcClient jdbc) {
        this.verifier = verifier;
        this.key = key;
        this.jdbc = jdbc;
    }

    /** A head a witness kept (a log line, the daily mail): the same proof as a manifest's, for that head. */
    VerificationReport verifyHead(long globalIndex, String chainHead, String signature) {
        if (!Ed25519Keys.verify(key.publicKey(), SignedHead.statement(globalIndex, chainHead), signature)) {
            return notSignedHere(globalIndex, "head.signature", "the signature is not this Grantline's signature of that head");
        }
        return stillHeld(globalIndex, chainHead);
    }

    VerificationReport verify(ExportManifest manifest) {
        if (!key.keyId().equals(manifest.keyId())) {
            return notSignedHere(manifest.globalIndex(), "manifest.keyId", "the manifest names key " + manifest.keyId()
                    + "; this Grantline signs with " + key.keyId());
        }
        if (manifest.signedHead() != null && !manifest.signedHead().equals(manifest.statement())) {
            return notSignedHere(manifest.globalIndex(), "manifest.signedHead", "signedHead does not say what the manifest's fields say");
        }
        if (!Ed25519Keys.verify(key.publicKey(), manifest.statement(), manifest.signature())) {
            return notSignedHere(manifest.globalIndex(), "manifest.signature",
                    "the signature is not this Grantline's signature of the manifest");
        }
        return manifest.globalIndex() == null ? verifier.verify() : stillHeld(manifest.globalIndex(), manifest.chainHead());
    }

    /**
     * A manifest or head this Grantline did not sign, or that was changed after signing, is a well-formed question with
     * the answer "not held": the chain is still verified first, and a break in it is the answer.
     */
    private VerificationReport notSignedHere(Long globalIndex, String field, String detail) {
        VerificationReport chain = verifier.verify();
        if (!chain.ok()) {
            return chain; // what was changed in the store matters more than a manifest that vouches for nothing
        }
        return VerificationReport.broken(chain.verifiedEvents(), BrokenAt.notSignedHere(globalIndex, field, detail));
    }

    private VerificationReport stillHeld(long globalIndex, String chainHead) {
        VerificationReport chain = verifier.verify();
        if (!chain.ok()) {
            return chain;
        }
        boolean held = jdbc.sql("SELECT COUNT(*) FROM chain_checkpoint WHERE up_to_global_index = ? AND head_hash = ?")
                .params(globalIndex, chainHead).query(Long.class).single() > 0;
        if (held) {
            return chain;
        }
        long reached = jdbc.sql("SELECT COALESCE(MAX(globalIndex), -1) FROM DomainEventEntry").query(Long.class).single();
        BrokenAt at = reached < globalIndex
                ? BrokenAt.headNotHeld(globalIndex, BrokenAt.Problem.ROLLED_BACK, "The store ends at global index " + reached
                        + ", before the signed head's " + globalIndex + ": it was restored to an earlier state (a backup or"
                        + " dump), or its newest events and checkpoints were removed.")
                : BrokenAt.headNotHeld(globalIndex, BrokenAt.Problem.HEAD_REPLACED, "The store holds another history at global"
                        + " index " + globalIndex + " than the one whose head was signed: it was restored to an earlier state"
                        + " and has gone on since, or rewritten and signed again.");
        return VerificationReport.broken(chain.verifiedEvents(), at);
    }
}
