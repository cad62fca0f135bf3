package io.grantline.workflow.mail;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where every process step puts its mail: one row per recipient in {@code mail_outbox}, written in the caller's
 * transaction (the Camunda job, the bridge's batch, a command), so the mail exists exactly when the step that caused
 * it committed. Nothing is sent here: {@link MailOutboxDispatcher} sends after the commit, at least once.
 */
@Component
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    /**
     * Outbox times are operational (leases, back-off), taken from the system clock: a test or rehearsal that moves the
     * engine's clock must not hold mail back or let it out early.
     */
    private final Clock clock = Clock.systemUTC();
    private final OutboxTable table;
    private final OutboxSignal signal;

    MailOutbox(OutboxTable table, OutboxSignal signal) {
        this.table = table;
        this.signal = signal;
    }

    /**
     * Queues a mail of {@code kind}, rendered when it is sent. A {@code dedupKey} already queued writes nothing: one
     * mail per occasion, stage and recipient, however often the step runs.
     *
     * @return whether a row was written
     */
    public boolean enqueue(String dedupKey, String kind, MailPayload payload) {
        // checked first; the unique index is the safety net for two transactions racing on one key
        if (table.exists(dedupKey)) {
            log.debug("Mail {} is queued already", dedupKey);
            return false;
        }
        table.insert(dedupKey, kind, payload, clock.instant());
        wakeDispatcherAfterCommit();
        return true;
    }

    /** Queues a finished mail, for writers that already hold every fact it states. */
    public boolean enqueue(String dedupKey, Mail mail) {
        return enqueue(dedupKey, ComposedMails.KIND, ComposedMails.payload(mail));
    }

    private void wakeDispatcherAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            signal.wake();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signal.wake();
            }
        });
    }
}
