package io.grantline.infra.health;

import io.grantline.workflow.mail.OutboxTable;
import io.grantline.workflow.settings.MailOutboxSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The mail outbox is DOWN while a mail has waited longer than {@code grantline.mail.outbox.stale-after}: approvers
 * are not hearing of their stages. Details: how many mails wait, and since when.
 */
@Component("mailOutboxHealthIndicator")
class MailOutboxHealth extends AbstractHealthIndicator {

    private final OutboxTable outbox;
    private final MailOutboxSettings settings;

    MailOutboxHealth(OutboxTable outbox, MailOutboxSettings settings) {
        super("mail outbox health check failed");
        this.outbox = outbox;
        this.settings = settings;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        // the outbox's own time: the system clock, as the dispatcher reads it
        Instant now = Clock.systemUTC().instant();
        Optional<Instant> oldest = outbox.oldestPending();
        boolean stale = oldest.filter(at -> Duration.between(at, now).compareTo(settings.staleAfter()) > 0).isPresent();
        builder.status(stale ? "DOWN" : "UP").withDetail("pending", outbox.pending());
        oldest.ifPresent(at -> builder.withDetail("oldestPendingSince", at.toString()));
    }
}
