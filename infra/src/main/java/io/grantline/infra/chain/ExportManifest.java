package io.grantline.infra.chain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The last line of an evidence export, signed: how many events the file holds and the SHA-256 of every byte before the
 * manifest, and the global index and head of the newest checkpoint when the file was written, which covers every
 * exported event. {@code signedHead} is the exact text the signature covers ({@link #statement()}); an auditor keeps
 * the manifest and later proves with it that the store still extends that head ({@code POST /api/compliance/verify}).
 *
 * @param globalIndex null, with {@code chainHead}, only when the store held no event at all
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ExportManifest(Instant from, Instant to, long events, String sha256, Long globalIndex, String chainHead,
                             String signedHead, String signature, String keyId) {

    /** The signed text: every field but the signature, in a fixed order, instants as {@link Instant#toString()}. */
    public String statement() {
        return statement(from, to, events, sha256, globalIndex, chainHead, keyId);
    }

    static String statement(Instant from, Instant to, long events, String sha256, Long globalIndex, String chainHead, String keyId) {
        return "grantline-export/1 from=" + from + " to=" + to + " events=" + events + " sha256=" + sha256
                + " globalIndex=" + globalIndex + " chainHead=" + chainHead + " keyId=" + keyId;
    }

    /** The manifest as the last line of a CSV export: a comment of {@code name=value} pairs, the statement's fields. */
    public String csvComment() {
        return "# manifest events=" + events + " sha256=" + sha256 + " chainHead=" + chainHead + " globalIndex=" + globalIndex
                + " from=" + from + " to=" + to + " keyId=" + keyId + " signature=" + signature;
    }
}
