package io.grantline.workflow.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place that knows table {@code mail_outbox} (Flyway V7): the writer, the dispatcher and the health check read
 * it through here. Times are passed in, never taken from the database, so H2 and PostgreSQL behave alike.
 */
@Component
public class OutboxTable {

    /** A row the dispatcher is about to send. */
    record Row(long id, String dedupKey, String kind, MailPayload payload, int attempts, String messageId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> PAYLOAD = new TypeReference<>() {
    };
    private static final int LONGEST_ERROR = 1000;

    private final JdbcClient jdbc;

    OutboxTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String dedupKey) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE dedup_key = ?").param(dedupKey).query(Long.class).single() > 0;
    }

    void insert(String dedupKey, String kind, MailPayload payload, Instant now) {
        jdbc.sql("""
                        INSERT INTO mail_outbox (dedup_key, kind, payload, status, created_at, attempts, next_attempt_at, message_id)
                        VALUES (?, ?, ?, 'PENDING', ?, 0, ?, ?)""")
                .params(dedupKey, kind, json(payload), utc(now), utc(now), messageId(dedupKey)).update();
    }

    /** Pending rows due at {@code now} that no node holds a lease on, oldest first. */
    List<Row> due(Instant now, int most) {
        return jdbc.sql("""
                        SELECT id, dedup_key, kind, payload, attempts, message_id FROM mail_outbox
                        WHERE status = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
                        ORDER BY next_attempt_at, id FETCH FIRST %d ROWS ONLY""".formatted(most))
                .params(utc(now), utc(now))
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("dedup_key"), rs.getString("kind"),
                        payload(rs.getString("payload")), rs.getInt("attempts"), rs.getString("message_id")))
                .list();
    }

    /** Takes a lease on the row; false when another node holds one or the row is done: the row is not ours to send. */
    boolean claim(long id, Instant now, Instant until) {
        return jdbc.sql("""
                        UPDATE mail_outbox SET claimed_until = ?
                        WHERE id = ? AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)""")
                .params(utc(until), id, utc(now)).update() == 1;
    }

    void sent(long id, Instant now) {
        jdbc.sql("UPDATE mail_outbox SET status = 'SENT', sent_at = ?, claimed_until = NULL WHERE id = ?").params(utc(now), id).update();
    }

    void skipped(long id, String reason) {
        jdbc.sql("UPDATE mail_outbox SET status = 'SKIPPED', last_error = ?, claimed_until = NULL WHERE id = ?")
                .params(shorten(reason), id).update();
    }

    /** Not an attempt: a read model was behind. */
    void postponed(long id, Instant next) {
        jdbc.sql("UPDATE mail_outbox SET next_attempt_at = ?, claimed_until = NULL WHERE id = ?").params(utc(next), id).update();
    }

    void failed(long id, String error, Instant next) {
        jdbc.sql("""
                        UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, claimed_until = NULL
                        WHERE id = ?""")
                .params(shorten(error), utc(next), id).update();
    }

    /** When the oldest unsent row was written, if any is unsent. */
    public Optional<Instant> oldestPending() {
        return jdbc.sql("SELECT MIN(created_at) FROM mail_outbox WHERE status = 'PENDING'").query(OffsetDateTime.class).optional()
                .map(OffsetDateTime::toInstant);
    }

    public long pending() {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE status = 'PENDING'").query(Long.class).single();
    }

    /**
     * The Message-ID every send of the row carries: derived from its dedup key, so a mail sent again after a crash
     * between SMTP and the row's update is recognisably the same mail (mail clients and archives fold it).
     */
    static String messageId(String dedupKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(dedupKey.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 20) + ".outbox@grantline>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(MailPayload payload) {
        try {
            return JSON.writeValueAsString(payload.values());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static MailPayload payload(String json) {
        try {
            return new MailPayload(JSON.readValue(json, PAYLOAD));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable outbox payload", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String shorten(String text) {
        String value = text == null ? "" : text;
        return value.length() <= LONGEST_ERROR ? value : value.substring(0, LONGEST_ERROR);
    }
}
