package io.grantline.workflow.mail;

import org.springframework.stereotype.Component;

/** Mails whose writer already had every fact (review digests, the chain witness): stored finished, sent as they are. */
@Component
class ComposedMails implements MailRenderer {

    static final String KIND = "composed";

    static MailPayload payload(Mail mail) {
        return MailPayload.of("to", mail.to(), "subject", mail.subject(), "text", mail.text(), "html", mail.html());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Rendering render(MailPayload payload) {
        return new Rendering.Ready(new Mail(payload.get("to"), payload.get("subject"), payload.get("text"), payload.get("html")));
    }
}
