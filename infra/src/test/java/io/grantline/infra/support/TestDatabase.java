package io.grantline.infra.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * Which relational database the integration suite runs on. The build runs the suite twice: on H2 (always) and on
 * PostgreSQL ({@code -Dgrantline.test.database=postgresql}), taken from Testcontainers where Docker runs, else from
 * {@code GRANTLINE_TEST_POSTGRES_URL} (a server where a fresh database may be created); with neither, the
 * PostgreSQL run is skipped.
 */
public final class TestDatabase {

    public static final String SELECTOR = "grantline.test.database";
    public static final String POSTGRES_URL_VARIABLE = "GRANTLINE_TEST_POSTGRES_URL";

    private static Map<String, String> properties;

    private TestDatabase() {
    }

    public static boolean postgresqlRequested() {
        return "postgresql".equalsIgnoreCase(System.getProperty(SELECTOR, "h2"));
    }

    /** Whether the requested database can be had here; false only for PostgreSQL with neither Docker nor a URL. */
    public static boolean available() {
        return !postgresqlRequested() || System.getenv(POSTGRES_URL_VARIABLE) != null || dockerAvailable();
    }

    /** Spring properties that point the application at the requested database: a fresh one per test JVM. */
    public static synchronized Map<String, String> properties() {
        if (properties == null) {
            properties = postgresqlRequested() ? postgres() : Map.of();
        }
        return properties;
    }

    private static Map<String, String> postgres() {
        String url = System.getenv(POSTGRES_URL_VARIABLE);
        if (url != null) {
            return freshDatabaseOn(url);
        }
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
        container.start();
        return Map.of("spring.datasource.url", container.getJdbcUrl(),
                "spring.datasource.username", container.getUsername(),
                "spring.datasource.password", container.getPassword());
    }

    /** Creates an empty database beside the one {@code adminUrl} names, so every run starts from nothing. */
    private static Map<String, String> freshDatabaseOn(String adminUrl) {
        String name = "grantline_it_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
        try (Connection admin = DriverManager.getConnection(adminUrl)) {
            dropEarlierRuns(admin);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + POSTGRES_URL_VARIABLE, e);
        }
        return Map.of("spring.datasource.url", createDatabase(adminUrl, name));
    }

    /** Creates database {@code name} on the server {@code adminUrl} names and answers its JDBC URL. */
    public static String createDatabase(String adminUrl, String name) {
        try (Connection admin = DriverManager.getConnection(adminUrl); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        int path = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = adminUrl.indexOf('?');
        return adminUrl.substring(0, path + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
    }

    /** Drops database {@code name}, closing what still holds it open (a killed application's last connections). */
    public static void dropDatabase(String adminUrl, String name) {
        try (Connection admin = DriverManager.getConnection(adminUrl); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + name, e);
        }
    }

    /** Databases of earlier runs are dropped; one still in use by a run going on now refuses, and is left alone. */
    private static void dropEarlierRuns(Connection admin) throws SQLException {
        java.util.List<String> earlier = new java.util.ArrayList<>();
        try (Statement list = admin.createStatement();
             var rows = list.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'grantline\\_it\\_%'")) {
            while (rows.next()) {
                earlier.add(rows.getString(1));
            }
        }
        for (String database : earlier) {
            try (Statement drop = admin.createStatement()) {
                drop.execute("DROP DATABASE " + database);
            } catch (SQLException inUse) {
                // another test run is using it
            }
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | Error noDocker) {
            return false;
        }
    }
}
