package io.grantline.workflow.mail;

/** One finished mail: plain text and HTML with the same content. */
public record Mail(String to, String subject, String text, String html) {
}
