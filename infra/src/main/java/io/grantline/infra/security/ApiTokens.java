package io.grantline.infra.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Personal API tokens: {@code glt_} and 256 random bits, shown once; only their SHA-256 is stored, so checking one
 * costs a hash and an indexed read instead of a bcrypt. A token acts as its identity, until it expires, is revoked,
 * or its identity stops being active.
 */
@Repository
public class ApiTokens {

    public static final String PREFIX = "glt_";
    static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);
    static final Duration LONGEST_LIFETIME = Duration.ofDays(366);
    /** How often a token's last use is written down (and logged): once a minute is enough to see it is in use. */
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    /** A token as its owner sees it; never its secret. */
    public record Token(String id, String identityId, String name, Instant createdAt, Instant expiresAt, Instant revokedAt,
                        Instant lastUsedAt) {
    }

    /** A new token: the only moment its secret exists outside the caller's hands. */
    public record Created(String id, String token, Instant expiresAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Created create(String identityId, String name, Instant expiresAt) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO api_token (id, identity_id, name, secret_sha256, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, identityId, name, sha256(token), utc(now), utc(expiresAt))
                .update();
        log.info("API token {} '{}' created for {}, expires {}", id, name, identityId, expiresAt);
        return new Created(id, token, expiresAt);
    }

    /** The live token with this secret, if any; its use is recorded at most once a minute. */
    Optional<Token> use(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Token> token = jdbc.sql(SELECT + " WHERE secret_sha256 = ? AND revoked_at IS NULL AND expires_at > ?")
                .params(sha256(presented), utc(now))
                .query(ApiTokens::token)
                .optional();
        token.filter(t -> t.lastUsedAt() == null || t.lastUsedAt().plus(USE_RECORDED_EVERY).isBefore(now)).ifPresent(t -> {
            jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?").params(utc(now), t.id()).update();
            log.info("API token {} used by {}", t.id(), t.identityId());
        });
        return token;
    }

    public List<Token> of(String identityId) {
        return jdbc.sql(SELECT + " WHERE identity_id = ? ORDER BY created_at DESC").param(identityId).query(ApiTokens::token).list();
    }

    /** Revokes one of the identity's own tokens; false when it has none with that id (or it was revoked before). */
    public boolean revoke(String identityId, String id) {
        int revoked = jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND identity_id = ? AND revoked_at IS NULL")
                .params(utc(clock.instant()), id, identityId)
                .update();
        if (revoked > 0) {
            log.info("API token {} of {} revoked", id, identityId);
        }
        return revoked > 0;
    }

    /** Every live token of the identity stops at once (compromise, departure, suspension). */
    void revokeAll(String identityId, String why) {
        int revoked = jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE identity_id = ? AND revoked_at IS NULL")
                .params(utc(clock.instant()), identityId)
                .update();
        if (revoked > 0) {
            log.info("{} API token(s) of {} revoked: {}", revoked, identityId, why);
        }
    }

    private static final String SELECT = "SELECT id, identity_id, name, created_at, expires_at, revoked_at, last_used_at FROM api_token";

    private static Token token(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Token(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs.getObject(4, OffsetDateTime.class)),
                instant(rs.getObject(5, OffsetDateTime.class)), instant(rs.getObject(6, OffsetDateTime.class)),
                instant(rs.getObject(7, OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
