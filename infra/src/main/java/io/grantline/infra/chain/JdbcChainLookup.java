package io.grantline.infra.chain;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the stored chain links from {@code event_hash}. */
@Component
class JdbcChainLookup implements ChainLookup {

    private final JdbcClient jdbc;

    JdbcChainLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ChainLink> linkOf(String aggregateIdentifier, long sequence) {
        return jdbc.sql("SELECT hash, previous_hash, hash_form FROM event_hash WHERE aggregate_identifier = ? AND sequence_number = ?")
                .params(aggregateIdentifier, sequence)
                .query((row, n) -> new ChainLink(row.getString(1), row.getString(2), row.getInt(3)))
                .optional();
    }
}
