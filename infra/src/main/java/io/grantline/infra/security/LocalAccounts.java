package io.grantline.infra.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Local sign-in accounts and their password hashes, kept outside the event store. */
@Repository
public class LocalAccounts {

    public record Account(String username, String passwordHash, boolean administrator) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    LocalAccounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Account> find(String username) {
        return jdbc.sql("SELECT username, password_hash, administrator FROM local_account WHERE username = ?")
                .param(username)
                .query((rs, row) -> new Account(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .optional();
    }

    @Transactional
    public void save(String username, String passwordHash, boolean administrator) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE local_account SET password_hash = ?, administrator = ?, updated_at = ? WHERE username = ?")
                .params(passwordHash, administrator, now, username)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO local_account (username, password_hash, administrator, updated_at) VALUES (?, ?, ?, ?)")
                    .params(username, passwordHash, administrator, now)
                    .update();
        }
    }
}
