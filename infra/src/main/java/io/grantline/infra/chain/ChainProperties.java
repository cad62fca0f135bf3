package io.grantline.infra.chain;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event store's hash chain (docs/adr/0004).
 *
 * @param checkpointEvery how often a checkpoint folds the newly stored events into the global chain and signs its head;
 *                        a stream deleted as a whole is found once a checkpoint has covered it
 * @param adoptUnchainedEvents at start, chain the events stored without a hash (a database from before the chain
 *                        existed) and sign the checkpoints made before signing existed. Off by default and meant to be
 *                        switched on once: it would equally "heal" hash rows or signatures someone deleted, so it is an
 *                        operator's deliberate act, logged as such
 * @param signingKey      PEM file with the Ed25519 private key (PKCS#8) and its public key that sign checkpoint heads;
 *                        unset: {@code chain-signing-key.pem} in the data directory, generated on the first start. Every
 *                        node of a cluster needs the same key
 * @param witnessMail     when the signed heads of the past day are mailed to the compliance officers (a Spring cron
 *                        expression, in the JVM's zone); {@code -} switches the mail off
 */
@ConfigurationProperties("grantline.chain")
public record ChainProperties(@DefaultValue("PT5M") Duration checkpointEvery,
                              @DefaultValue("false") boolean adoptUnchainedEvents,
                              Path signingKey,
                              @DefaultValue("0 0 6 * * *") String witnessMail) {
}
