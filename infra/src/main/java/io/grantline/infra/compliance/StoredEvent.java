package io.grantline.infra.compliance;

/** One row of the event store's {@code DomainEventEntry} table, as stored. */
record StoredEvent(long globalIndex, String aggregateIdentifier, long sequence, String payloadType, String payloadRevision,
                   String timeStamp, byte[] payload, byte[] metaData, String eventIdentifier, String type) {
}
