package io.grantline.infra.chain;

/**
 * One stored event's place in its stream's hash chain: its own hash, the hash of the event before it (null for the
 * first) and the canonical form the hash was computed in (docs/adr/0004).
 */
public record ChainLink(String hash, String previousHash, int hashForm) {
}
