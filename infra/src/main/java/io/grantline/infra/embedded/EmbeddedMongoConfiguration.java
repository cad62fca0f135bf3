package io.grantline.infra.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.grantline.infra.config.GrantlineProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read-model store when no {@code spring.data.mongodb.uri} is given: an in-process MongoDB-protocol server that
 * keeps its data in an H2 MVStore file under the data directory, so read models and their tracking tokens survive a
 * restart (docs/adr/0002).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.data.mongodb.uri:}'.isEmpty()")
class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(GrantlineProperties properties) {
        H2Backend backend;
        if (properties.embedded().mongoInMemory()) {
            backend = H2Backend.inMemory();
        } else {
            Path file = properties.dataDir().resolve("read-models.mv");
            createDirectories(properties.dataDir());
            backend = new H2Backend(file.toString());
        }
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded MongoDB-protocol server on 127.0.0.1:{} ({})", address.getPort(),
                backend.isInMemory() ? "in memory" : "file under the data directory");
        return server;
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoServer embeddedMongoServer) {
        return MongoClients.create("mongodb://127.0.0.1:" + embeddedMongoServer.getLocalAddress().getPort());
    }

    static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir.toAbsolutePath(), e);
        }
    }
}
