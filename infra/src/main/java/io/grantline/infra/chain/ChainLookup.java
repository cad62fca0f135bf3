package io.grantline.infra.chain;

import java.util.Optional;

/** The hash chain as stored beside the event store: what compliance answers show next to each event. */
public interface ChainLookup {

    /** The chain link of the event at {@code sequence} in stream {@code aggregateIdentifier} (e.g. {@code grant:<uuid>}). */
    Optional<ChainLink> linkOf(String aggregateIdentifier, long sequence);
}
