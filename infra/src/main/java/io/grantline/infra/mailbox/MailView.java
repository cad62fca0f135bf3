package io.grantline.infra.mailbox;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/** One mail as the mailbox page shows it: the plain-text part, and the HTML part rendered in a sandboxed frame. */
record MailView(String key, String from, String to, String subject, Instant sentAt, String text, String html) {

    /**
     * A mail's stable key in the mailbox's links: the SMTP server keeps one folder per recipient, so a mail's position
     * in its list shifts as mail arrives for others; its Message-ID does not.
     */
    static String keyOf(MimeMessage message) throws MessagingException {
        String messageId = message.getMessageID() == null ? message.getSubject() + message.getSentDate() : message.getMessageID();
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static MailView of(MimeMessage message) throws MessagingException, IOException {
        Address[] recipients = message.getRecipients(Message.RecipientType.TO);
        String to = recipients == null ? "" : Arrays.stream(recipients).map(Address::toString).collect(Collectors.joining(", "));
        String from = message.getFrom() == null || message.getFrom().length == 0 ? "" : message.getFrom()[0].toString();
        Instant sent = message.getSentDate() == null ? null : message.getSentDate().toInstant();
        return new MailView(keyOf(message), from, to, message.getSubject(), sent, part(message, "text/plain"), part(message, "text/html"));
    }

    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = part(body, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
