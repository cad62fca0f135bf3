package io.grantline.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grantline.infra.GrantlineApplication;
import io.grantline.infra.support.Api;
import io.grantline.query.common.ReadModelIndexes;
import java.nio.file.Path;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * With {@code SPRING_DATA_MONGODB_URI} set, the read models and their tokens live in a real MongoDB, no embedded
 * server starts, and the read models' queries by a field have their indexes. Runs where Docker runs; skipped cleanly
 * elsewhere (no MongoDB binary exists on such machines).
 */
@Tag("own-application")
@Testcontainers(disabledWithoutDocker = true)
class ExternalMongoTest {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @Test
    void readModelsLiveInTheConfiguredMongoDb(@TempDir Path dataDir) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GrantlineApplication.class).run(
                "--server.port=0",
                "--spring.data.mongodb.uri=" + MONGO.getReplicaSetUrl("grantline"),
                "--grantline.data-dir=" + dataDir.toAbsolutePath(),
                "--grantline.security.admin-password=external-mongo-password",
                "--grantline.security.bcrypt-strength=4",
                "--camunda.bpm.process-engine-name=externalMongo")) {
            assertThat(app.containsBean("embeddedMongoServer")).isFalse();
            Api admin = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")))
                    .as("admin", "external-mongo-password");

            assertThat(admin.post("/api/identities", "{\"id\":\"mongo-olga\",\"kind\":\"HUMAN\",\"displayName\":\"Olga\"}").status())
                    .isEqualTo(202);

            await().atMost(Duration.ofSeconds(15)).until(() -> admin.get("/api/identities/mongo-olga").status() == 200);

            // the queries by a field read through an index: an approver's inbox, for one, is not a collection scan
            MongoTemplate mongo = app.getBean(MongoTemplate.class);
            for (ReadModelIndexes.Wanted wanted : ReadModelIndexes.WANTED) {
                assertThat(mongo.indexOps(wanted.collection()).getIndexInfo()).extracting(IndexInfo::getName)
                        .contains(wanted.index().getIndexOptions().getString("name"));
            }
            Document plan = mongo.getDb().runCommand(new Document("explain", new Document("find", "approval_inbox")
                    .append("filter", new Document("approverIds", "mongo-olga")).append("sort", new Document("dueAt", 1))));
            assertThat(plan.toJson()).contains("IXSCAN", "approverIds_dueAt");
        }
    }
}
