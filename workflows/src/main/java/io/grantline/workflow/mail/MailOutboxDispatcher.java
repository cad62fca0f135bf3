package io.grantline.workflow.mail;

import io.grantline.workflow.settings.MailOutboxSettings;
import io.grantline.workflow.settings.MailSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's rows from a thread of its own (not the job executor, not a request thread): woken when a
 * transaction that queued mail commits, and looking every {@code poll-interval} anyway for rows left by a restart or
 * by another node. A row is claimed with a lease before it is sent, so two nodes never send it at once; a failed send
 * is retried with back-off for as long as the SMTP server refuses, never dropped.
 */
@Component
public class MailOutboxDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailOutboxDispatcher.class);
    private static final Duration STALE_LOG_EVERY = Duration.ofMinutes(1);

    private final Clock clock = Clock.systemUTC();
    private final OutboxTable table;
    private final OutboxSignal signal;
    private final JavaMailSender sender;
    private final MailSettings mail;
    private final MailOutboxSettings settings;
    private final Map<String, MailRenderer> renderers;
    private volatile boolean running;
    private Thread thread;
    private Instant staleLoggedAt = Instant.EPOCH;

    MailOutboxDispatcher(OutboxTable table, OutboxSignal signal, JavaMailSender sender, MailSettings mail, MailOutboxSettings settings,
                         List<MailRenderer> renderers) {
        this.table = table;
        this.signal = signal;
        this.sender = sender;
        this.mail = mail;
        this.settings = settings;
        this.renderers = renderers.stream().collect(Collectors.toMap(MailRenderer::kind, Function.identity()));
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "mail-outbox");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        if (thread == null) {
            return;
        }
        running = false;
        signal.wake();
        try {
            // a batch in flight finishes and is marked; what is left is sent after the restart
            thread.join(settings.lease().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                if (dispatchDue() < settings.batchSize()) {
                    warnIfStale();
                    signal.await(settings.pollInterval());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the database or a read model failed: the rows stay pending and are tried at the next poll
                log.warn("Mail outbox could not dispatch: {}", e.toString());
                try {
                    signal.await(settings.pollInterval());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Sends one batch of due rows; answers how many rows it took. */
    int dispatchDue() {
        Instant now = clock.instant();
        List<OutboxTable.Row> claimed = table.due(now, settings.batchSize()).stream()
                .filter(row -> table.claim(row.id(), now, now.plus(settings.lease())))
                .toList();
        Map<MimeMessage, OutboxTable.Row> ready = new LinkedHashMap<>();
        for (OutboxTable.Row row : claimed) {
            render(row).ifPresent(message -> ready.put(message, row));
        }
        if (!ready.isEmpty()) {
            send(ready);
        }
        return claimed.size();
    }

    private Optional<MimeMessage> render(OutboxTable.Row row) {
        MailRenderer renderer = renderers.get(row.kind());
        try {
            if (renderer == null) {
                throw new IllegalStateException("no renderer for mail kind '" + row.kind() + "'");
            }
            Rendering rendering = renderer.render(row.payload());
            if (rendering instanceof Rendering.NotYet notYet) {
                log.debug("Mail {} waits for the read side to know {}", row.dedupKey(), notYet.what());
                table.postponed(row.id(), clock.instant().plus(settings.notYetDelay()));
            } else if (rendering instanceof Rendering.Skip skip) {
                log.warn("Mail {} is not sent: {}", row.dedupKey(), skip.reason());
                table.skipped(row.id(), skip.reason());
            } else if (rendering instanceof Rendering.Ready done) {
                return Optional.of(message(done.mail(), row.messageId()));
            }
        } catch (MessagingException | RuntimeException e) {
            failed(row, e);
        }
        return Optional.empty();
    }

    private MimeMessage message(Mail content, String messageId) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(mail.from());
        helper.setTo(content.to());
        helper.setSubject(content.subject());
        helper.setText(content.text(), content.html());
        // JavaMailSenderImpl keeps an explicit Message-ID through saveChanges()
        message.setHeader("Message-ID", messageId);
        return message;
    }

    /** Sends the batch over one connection; each message that the server refused is retried later on its own. */
    private void send(Map<MimeMessage, OutboxTable.Row> ready) {
        Map<Object, Exception> failures = new LinkedHashMap<>();
        try {
            sender.send(ready.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            failures.putAll(e.getFailedMessages());
            if (failures.isEmpty()) {
                ready.keySet().forEach(message -> failures.put(message, e));
            }
        } catch (MailException e) {
            ready.keySet().forEach(message -> failures.put(message, e));
        }
        Instant now = clock.instant();
        ready.forEach((message, row) -> {
            Exception failure = failures.get(message);
            if (failure == null) {
                table.sent(row.id(), now);
            } else {
                failed(row, failure);
            }
        });
        log.debug("Mail outbox sent {} of {}", ready.size() - failures.size(), ready.size());
    }

    private void failed(OutboxTable.Row row, Exception error) {
        int attempts = row.attempts() + 1;
        Duration backOff = backOff(attempts, settings.maxBackOff());
        log.warn("Mail {} failed (attempt {}), next try in {}: {}", row.dedupKey(), attempts, backOff, error.toString());
        table.failed(row.id(), error.toString(), clock.instant().plus(backOff));
    }

    /** 2^attempts seconds, at most {@code max}. */
    static Duration backOff(int attempts, Duration max) {
        Duration wait = Duration.ofSeconds(1L << Math.min(attempts, 20));
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private void warnIfStale() {
        Instant now = clock.instant();
        if (Duration.between(staleLoggedAt, now).compareTo(STALE_LOG_EVERY) < 0) {
            return;
        }
        staleLoggedAt = now;
        table.oldestPending().filter(oldest -> oldest.isBefore(now.minus(settings.staleAfter()))).ifPresent(oldest ->
                log.warn("Mail outbox: {} unsent mail(s), the oldest queued at {}; is the SMTP server reachable?", table.pending(), oldest));
    }
}
