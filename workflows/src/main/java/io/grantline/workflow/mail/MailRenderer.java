package io.grantline.workflow.mail;

/**
 * Turns an outbox row of one {@link #kind()} into a mail when the dispatcher sends it, not when the row is written:
 * the facts then come from read models that have had time to catch up, and nobody waits for them in a transaction.
 */
public interface MailRenderer {

    String kind();

    Rendering render(MailPayload payload);
}
