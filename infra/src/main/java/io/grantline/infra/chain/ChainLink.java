package io.grantline.infra.chain;

/** One stored event's place in its stream's hash chain: its own hash and the hash of the event before it (null for the first). */
public record ChainLink(String hash, String previousHash) {
}
