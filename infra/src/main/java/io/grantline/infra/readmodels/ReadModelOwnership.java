package io.grantline.infra.readmodels;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read models belong to the event store they were built from. The event store carries a random id of its own; the
 * read-model store records the id it was built from. Pointing the same data directory (or MongoDB) at another event
 * store, say PostgreSQL after H2, would otherwise serve the old store's requests and grants as if they were facts of
 * the new one: Grantline refuses to start, saying what to do, or, when told to
 * ({@code grantline.read-models.rebuild-on-mismatch=true}), drops the read models and their tracking tokens so every
 * projection is rebuilt from the new store's events. Runs while the beans are made, before any processor starts.
 */
@Component
class ReadModelOwnership {

    static final String COLLECTION = "read_model_owner";
    private static final String KEY = "event-store";
    private static final Logger log = LoggerFactory.getLogger(ReadModelOwnership.class);

    /** The read models under this MongoDB database were built from another event store. */
    static final class BelongToAnotherEventStore extends IllegalStateException {

        BelongToAnotherEventStore(String recorded, String current, String database) {
            super("The read models in MongoDB database '" + database + "' were built from event store " + recorded
                    + ", but this Grantline's event store (spring.datasource.url) is " + current + ". Serving them would show "
                    + "another database's requests and grants. Either point GRANTLINE_DATA_DIR (or SPRING_DATA_MONGODB_URI) "
                    + "at the read models of this event store, or start once with GRANTLINE_READ_MODELS_REBUILD_ON_MISMATCH=true "
                    + "(grantline.read-models.rebuild-on-mismatch) to drop these read models and rebuild them from this "
                    + "event store's events.");
        }
    }

    ReadModelOwnership(JdbcClient jdbc, MongoTemplate mongo, Clock clock,
                       @Value("${grantline.read-models.rebuild-on-mismatch:false}") boolean rebuildOnMismatch) {
        check(eventStoreId(jdbc, clock), mongo, clock, rebuildOnMismatch);
    }

    /** This event store's id, made by the first Grantline that starts on it. */
    static String eventStoreId(JdbcClient jdbc, Clock clock) {
        Optional<String> existing = read(jdbc);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbc.sql("INSERT INTO event_store_identity (singleton, id, created_at) VALUES (1, ?, ?)")
                    .params(UUID.randomUUID().toString(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            // a node starting at the same moment made it: use theirs
        }
        return read(jdbc).orElseThrow();
    }

    static void check(String eventStoreId, MongoTemplate mongo, Clock clock, boolean rebuildOnMismatch) {
        Document owner = mongo.getCollection(COLLECTION).find(new Document("_id", KEY)).first();
        String recorded = owner == null ? null : owner.getString("eventStoreId");
        if (eventStoreId.equals(recorded)) {
            return;
        }
        if (recorded != null) {
            if (!rebuildOnMismatch) {
                throw new BelongToAnotherEventStore(recorded, eventStoreId, mongo.getDb().getName());
            }
            log.warn("The read models were built from event store {}, not this one ({}): dropping them and their tracking "
                    + "tokens; every projection is rebuilt from this event store's events", recorded, eventStoreId);
            mongo.getDb().drop();
        } else {
            // a new read-model store, or one from before this check: it is this event store's from now on
            log.info("Read models recorded as built from event store {}", eventStoreId);
        }
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", KEY),
                new Document("_id", KEY).append("eventStoreId", eventStoreId).append("recordedAt", Date.from(clock.instant())),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    private static Optional<String> read(JdbcClient jdbc) {
        return jdbc.sql("SELECT id FROM event_store_identity WHERE singleton = 1").query(String.class).optional();
    }
}
