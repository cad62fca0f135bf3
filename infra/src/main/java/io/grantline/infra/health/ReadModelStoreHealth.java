package io.grantline.infra.health;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The read-model store is up when it answers {@code ping}. Replaces Spring Boot's MongoDB check, which asks the
 * {@code hello} command that the embedded MongoDB-protocol server does not know; {@code ping} works on both.
 */
@Component("mongoHealthIndicator")
class ReadModelStoreHealth extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    ReadModelStoreHealth(MongoTemplate mongo) {
        super("read-model store health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand("{ ping: 1 }");
        builder.status(answer.get("ok", Number.class).intValue() == 1 ? "UP" : "DOWN").withDetail("database", mongo.getDb().getName());
    }
}
