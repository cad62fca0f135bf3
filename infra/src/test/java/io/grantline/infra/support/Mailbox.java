package io.grantline.infra.support;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the embedded SMTP server received, as a person reads their inbox. */
public final class Mailbox {

    private static final Pattern APPROVAL_LINK = Pattern.compile("/approvals/([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");

    private final GreenMail smtp;

    public Mailbox(GreenMail smtp) {
        this.smtp = smtp;
    }

    /** The mails to {@code address} whose subject contains {@code subject}. */
    public List<MimeMessage> to(String address, String subject) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))
                        && message.getSubject().contains(subject);
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** Waits for the first such mail. */
    public MimeMessage awaitMail(String address, String subject) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> to(address, subject), list -> !list.isEmpty()).get(0);
    }

    /** The HTML part of a mail, decoded. */
    public static String htmlPart(MimeMessage mail) throws Exception {
        return part(mail, "text/html");
    }

    private static String part(jakarta.mail.Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The approval token in a mail's link (the part after {@code /approvals/}). */
    public static String approvalToken(MimeMessage mail) {
        Matcher link = APPROVAL_LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
        if (!link.find()) {
            throw new AssertionError("no approval link in: " + GreenMailUtil.getBody(mail));
        }
        return link.group(1);
    }
}
