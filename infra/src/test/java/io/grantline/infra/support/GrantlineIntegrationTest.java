package io.grantline.infra.support;

import io.grantline.infra.GrantlineApplication;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole application over real HTTP: the real engine, the event store in H2 or
 * PostgreSQL, the embedded MongoDB-protocol and SMTP servers. All of them share one Spring context.
 */
@Tag("database")
@ExtendWith(RequiresTestDatabase.class)
@SpringBootTest(classes = GrantlineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GrantlineIntegrationTest {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private static final Path DATA_DIR = Path.of("target", "it-data", UUID.randomUUID().toString()).toAbsolutePath();

    @LocalServerPort
    protected int port;

    @Autowired
    protected EventStoreRows eventStore;

    @DynamicPropertySource
    static void grantlineProperties(DynamicPropertyRegistry registry) {
        registry.add("grantline.data-dir", DATA_DIR::toString);
        registry.add("grantline.embedded.mongo-in-memory", () -> "true");
        registry.add("grantline.security.admin-password", () -> ADMIN_PASSWORD);
        registry.add("grantline.security.bcrypt-strength", () -> "4");
        TestDatabase.properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    protected Api api() {
        return new Api(port);
    }

    protected Api admin() {
        return api().as(ADMIN, ADMIN_PASSWORD);
    }
}
