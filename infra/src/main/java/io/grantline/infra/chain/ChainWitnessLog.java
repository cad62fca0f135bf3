package io.grantline.infra.chain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first witness outside the database: one log line per signed head, with the head, its global index, signature
 * and key id both in the text and as key-value pairs (fields of their own in the structured ECS or Logstash format).
 * Shipped to a log store the database's writers cannot change, these lines let an auditor check any later state of the
 * store against them. A security event stream, when one exists, listens to the same {@link SignedHead} event.
 */
@Component
class ChainWitnessLog {

    static final String LOGGER = "io.grantline.chain.witness";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    @EventListener
    void signed(SignedHead head) {
        log.atInfo()
                .addKeyValue("chainCheckpoint", head.checkpointId())
                .addKeyValue("chainGlobalIndex", head.globalIndex())
                .addKeyValue("chainHead", head.head())
                .addKeyValue("chainSignature", head.signature())
                .addKeyValue("chainKeyId", head.keyId())
                .log("Signed chain head checkpoint={} events={} globalIndex={} head={} signature={} keyId={}",
                        head.checkpointId(), head.eventCount(), head.globalIndex(), head.head(), head.signature(), head.keyId());
    }
}
