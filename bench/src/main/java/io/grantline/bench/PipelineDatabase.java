package io.grantline.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One benchmark's PostgreSQL database, seen from outside the application: created fresh, read for progress (events
 * above a global index, the mail outbox where the jar has one), dropped at the end. Progress is read from the event
 * store because polling thousands of resources over HTTP would load the server being measured.
 */
final class PipelineDatabase implements AutoCloseable {

    static final String STAGE_OPENED = "io.grantline.api.request.ApprovalStageOpened";
    static final String GRANT_PROVISIONED = "io.grantline.api.grant.GrantProvisioned";

    private final String baseUrl;
    private final String name;
    private final Connection connection;

    private PipelineDatabase(String baseUrl, String name, Connection connection) {
        this.baseUrl = baseUrl;
        this.name = name;
        this.connection = connection;
    }

    /** Creates {@code name} on the server of {@code baseUrl} (a JDBC URL of any database there, e.g. postgres). */
    static PipelineDatabase create(String baseUrl, String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(baseUrl); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
        return new PipelineDatabase(baseUrl, name, DriverManager.getConnection(urlOf(baseUrl, name)));
    }

    /** The same server and query parameters, another database. */
    static String urlOf(String baseUrl, String database) {
        int query = baseUrl.indexOf('?');
        String head = query < 0 ? baseUrl : baseUrl.substring(0, query);
        String tail = query < 0 ? "" : baseUrl.substring(query);
        return head.substring(0, head.lastIndexOf('/') + 1) + database + tail;
    }

    String url() {
        return urlOf(baseUrl, name);
    }

    /**
     * Whether the server's autovacuum daemon runs: where it does not (as on the reference machine's PostgreSQL), no
     * table is ever analyzed and the planner guesses at tables that a running engine fills and empties all the time.
     */
    boolean autovacuum() throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SHOW autovacuum")) {
            row.next();
            return "on".equals(row.getString(1));
        }
    }

    /** What autovacuum would have done by now: dead rows reclaimed, every table's statistics fresh. */
    void vacuumAnalyze() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
    }

    /** The highest global index of the event store; 0 before the application has created it. */
    long lastGlobalIndex() throws SQLException {
        if (!tableExists("domainevententry")) {
            return 0;
        }
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COALESCE(MAX(globalindex), 0) FROM domainevententry")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Events of one payload type stored after {@code globalIndex}: a range on the primary key, cheap to poll. */
    long countSince(long globalIndex, String payloadType) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM domainevententry WHERE globalindex > ? AND payloadtype = ?")) {
            query.setLong(1, globalIndex);
            query.setString(2, payloadType);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    boolean hasMailOutbox() throws SQLException {
        return tableExists("mail_outbox");
    }

    /** Rows of the mail outbox and how many of them are sent: {@code [rows, sent]}. */
    long[] mailOutbox() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*), COUNT(sent_at) FROM mail_outbox")) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2)};
        }
    }

    private boolean tableExists(String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, table);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    /** Drops the database, whatever still holds connections to it (a child JVM killed a moment ago). */
    @Override
    public void close() throws SQLException {
        connection.close();
        try (Connection admin = DriverManager.getConnection(baseUrl); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
