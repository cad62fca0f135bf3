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
