package io.grantline.infra.readmodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.time.Clock;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Read models built from one event store are never served beside another (on the real MongoDB-protocol server). */
class ReadModelOwnershipTest {

    private final Clock clock = Clock.systemUTC();
    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        mongo = new MongoTemplate(client, "grantline");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void newReadModelsAreRecordedAsTheEventStoresAndAcceptedAgain() {
        ReadModelOwnership.check("store-a", mongo, clock, false);
        mongo.getCollection("identities").insertOne(new Document("_id", "alice"));

        ReadModelOwnership.check("store-a", mongo, clock, false);

        assertThat(mongo.getCollection("identities").countDocuments()).isEqualTo(1);
    }

    @Test
    void readModelsOfAnotherEventStoreStopTheStartWithWhatToDo() {
        ReadModelOwnership.check("store-h2", mongo, clock, false);
        mongo.getCollection("grants").insertOne(new Document("_id", "g-1"));

        assertThatThrownBy(() -> ReadModelOwnership.check("store-postgresql", mongo, clock, false))
                .hasMessageContaining("built from event store store-h2")
                .hasMessageContaining("store-postgresql")
                .hasMessageContaining("GRANTLINE_READ_MODELS_REBUILD_ON_MISMATCH=true")
                .hasMessageContaining("GRANTLINE_DATA_DIR");
        assertThat(mongo.getCollection("grants").countDocuments()).as("nothing dropped without being told").isEqualTo(1);
    }

    @Test
    void toldToRebuildItDropsTheOldReadModelsAndTheirTokens() {
        ReadModelOwnership.check("store-h2", mongo, clock, false);
        mongo.getCollection("grants").insertOne(new Document("_id", "g-1"));
        mongo.getCollection("trackingtokens").insertOne(new Document("_id", "processor-0"));

        ReadModelOwnership.check("store-postgresql", mongo, clock, true);

        assertThat(mongo.getCollection("grants").countDocuments()).isZero();
        assertThat(mongo.getCollection("trackingtokens").countDocuments()).isZero();
        ReadModelOwnership.check("store-postgresql", mongo, clock, false);
    }
}
