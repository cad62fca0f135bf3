package io.grantline.infra.compliance;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who looked at what, and when: every compliance read is written here before it is answered, so no history leaves
 * Grantline without a trace. Kept in the relational database, not in the event store: a read is not a domain fact.
 */
@Component
class ComplianceReadLog {

    static final int NEWEST = 500;
    private static final int READER_LENGTH = 128;
    private static final int SUBJECT_LENGTH = 300;

    /** One logged read. */
    record Entry(long id, String reader, String subject, Instant readAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ComplianceReadLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String reader, String subject) {
        jdbc.sql("INSERT INTO compliance_read_log (reader, subject, read_at) VALUES (?, ?, ?)")
                .params(cut(reader, READER_LENGTH), cut(subject, SUBJECT_LENGTH), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
    }

    /** The newest reads, newest first. */
    List<Entry> newest() {
        return jdbc.sql("SELECT id, reader, subject, read_at FROM compliance_read_log ORDER BY read_at DESC, id DESC"
                        + " FETCH FIRST " + NEWEST + " ROWS ONLY")
                .query((rs, row) -> new Entry(rs.getLong("id"), rs.getString("reader"), rs.getString("subject"),
                        rs.getObject("read_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
