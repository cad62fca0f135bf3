package io.grantline.infra.support;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the event store's table directly, as an auditor with database access would. */
@Component
public class EventStoreRows {

    private final JdbcClient jdbc;

    EventStoreRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry").query(Long.class).single();
    }

    /** The global index of the newest event stored (-1 when there is none): where a test's window starts. */
    public long head() {
        return jdbc.sql("SELECT COALESCE(MAX(globalIndex), -1) FROM DomainEventEntry").query(Long.class).single();
    }

    /**
     * Events stored after {@code globalIndex} whose stream starts with one of {@code streamPrefixes} ("identity:",
     * "entitlement:"): what a test's own calls could have stored, while other tests' asynchronous work goes on beside.
     */
    public long countSince(long globalIndex, String... streamPrefixes) {
        long count = 0;
        for (String prefix : streamPrefixes) {
            count += jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE globalIndex > ? AND aggregateIdentifier LIKE ?")
                    .params(globalIndex, prefix + "%").query(Long.class).single();
        }
        return count;
    }

    /** Events of a type (simple name) stored after {@code globalIndex}, in any stream. */
    public long countOfTypeSince(long globalIndex, String simpleType) {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE globalIndex > ? AND payloadType LIKE ?")
                .params(globalIndex, "%." + simpleType).query(Long.class).single();
    }

    public long countFor(String aggregateIdentifier) {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?")
                .param(aggregateIdentifier).query(Long.class).single();
    }

    /** The stored metadata of one event, as text. */
    public String metadataOf(String aggregateIdentifier, long sequence) {
        byte[] bytes = jdbc.sql("SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?")
                .params(aggregateIdentifier, sequence).query(byte[].class).single();
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** How many events of a type (simple name) one stream holds. */
    public long countOfType(String aggregateIdentifier, String simpleType) {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? AND payloadType LIKE ?")
                .params(aggregateIdentifier, "%." + simpleType).query(Long.class).single();
    }
}
