package io.grantline.infra.chain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event store's hash chain (docs/adr/0004).
 *
 * @param checkpointEvery how often a checkpoint folds the newly stored events into the global chain; a stream deleted
 *                        as a whole is found once a checkpoint has covered it
 * @param adoptUnchainedEvents at start, chain the events stored without a hash (a database from before the chain
 *                        existed). Off by default and meant to be switched on once: it would equally "heal" hash rows
 *                        someone deleted, so it is an operator's deliberate act, logged as such
 */
@ConfigurationProperties("grantline.chain")
public record ChainProperties(@DefaultValue("PT5M") Duration checkpointEvery,
                              @DefaultValue("false") boolean adoptUnchainedEvents) {
}
