package io.grantline.infra.chain;

import java.time.Instant;

/**
 * A checkpoint's head as signed with the chain's key: the head of the global chain after the event at
 * {@code globalIndex}. Published to the witnesses (log, daily mail, application event) as it is made.
 *
 * @param checkpointId the checkpoint's row
 * @param globalIndex  the highest global index the checkpoint folded in
 * @param eventCount   how many events this checkpoint folded in
 * @param head         the head of the global chain (hex SHA-256)
 * @param signature    base64 Ed25519 signature of {@link #statement()}
 * @param keyId        the signing key's id
 * @param createdAt    when the checkpoint was made
 */
public record SignedHead(long checkpointId, long globalIndex, long eventCount, String head, String signature, String keyId,
                         Instant createdAt) {

    /** The exact text that is signed: the global index and the head, nothing the database alone could vouch for. */
    public String statement() {
        return statement(globalIndex, head);
    }

    public static String statement(long globalIndex, String head) {
        return "grantline-chain-head/1 globalIndex=" + globalIndex + " head=" + head;
    }
}
