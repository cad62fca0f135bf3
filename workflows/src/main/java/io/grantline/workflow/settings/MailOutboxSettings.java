package io.grantline.workflow.settings;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mail outbox's dispatcher.
 *
 * @param pollInterval how often the dispatcher looks for due rows when no commit woke it (restarts, other nodes' rows)
 * @param batchSize    rows claimed and sent over one SMTP connection at a time
 * @param lease        how long a node's claim on a row keeps other nodes off it; longer than sending one batch takes
 * @param notYetDelay  how long a row waits when a read model does not know its request or recipient yet
 * @param maxBackOff   the longest wait between two attempts while the SMTP server fails (2^attempts seconds up to it)
 * @param staleAfter   an unsent row older than this is logged and turns the outbox's health DOWN
 */
@ConfigurationProperties("grantline.mail.outbox")
public record MailOutboxSettings(@DefaultValue("PT1S") Duration pollInterval, @DefaultValue("20") int batchSize,
                                 @DefaultValue("PT1M") Duration lease, @DefaultValue("PT1S") Duration notYetDelay,
                                 @DefaultValue("PT5M") Duration maxBackOff, @DefaultValue("PT10M") Duration staleAfter) {
}
