package io.grantline.infra.mailbox;

import com.icegreen.greenmail.util.GreenMail;
import io.grantline.infra.embedded.EmbeddedMailConfiguration;
import io.grantline.infra.web.NotFound;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The embedded SMTP server's mailbox, for people trying Grantline without a mail server: every mail, newest first,
 * each readable with clickable links. It exists only in embedded-mail mode and only for administrators, because
 * approval links are capabilities.
 */
@Controller
@ConditionalOnExpression(EmbeddedMailConfiguration.WHEN_EMBEDDED)
class MailboxController {

    private final GreenMail smtp;

    MailboxController(GreenMail smtp) {
        this.smtp = smtp;
    }

    @GetMapping("/mailbox")
    String list(Model model) throws MessagingException, IOException {
        List<MailView> views = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            views.add(MailView.of(message));
        }
        views.sort(Comparator.comparing(MailView::sentAt, Comparator.nullsLast(Comparator.reverseOrder())));
        model.addAttribute("mails", views);
        return "mailbox";
    }

    @GetMapping("/mailbox/{key}")
    String show(@PathVariable String key, Model model) throws MessagingException, IOException {
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (MailView.keyOf(message).equals(key)) {
                model.addAttribute("mail", MailView.of(message));
                return "mail";
            }
        }
        throw new NotFound("mail " + key);
    }
}
