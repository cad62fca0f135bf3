package io.grantline.workflow.mail;

import io.grantline.workflow.settings.MailSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a process step's mail once the step's transaction has committed: a step that rolls back sends nothing, and a
 * step retried after a failure does not mail twice for the attempt that failed.
 */
@Component
public class ProcessMail {

    /** One mail: plain text and HTML with the same content. */
    public record Mail(String to, String subject, String text, String html) {
    }

    private static final Logger log = LoggerFactory.getLogger(ProcessMail.class);

    private final JavaMailSender sender;
    private final MailSettings settings;

    public ProcessMail(JavaMailSender sender, MailSettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    public void sendAfterCommit(Mail mail) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(mail);
                }
            });
        } else {
            send(mail);
        }
    }

    private void send(Mail mail) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            sender.send(message);
        } catch (MessagingException | RuntimeException e) {
            // The step has committed; the mail is lost, and says so in the log for the operator.
            log.error("Could not send mail '{}'", mail.subject(), e);
        }
    }
}
