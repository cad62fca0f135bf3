package io.grantline.infra.mailbox;

import com.icegreen.greenmail.util.GreenMail;
import io.grantline.infra.embedded.EmbeddedMailConfiguration;
import io.grantline.infra.web.NotFound;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
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
        MimeMessage[] messages = smtp.getReceivedMessages();
        List<MailView> views = new ArrayList<>();
        for (int i = messages.length - 1; i >= 0; i--) {
            views.add(MailView.of(i, messages[i]));
        }
        model.addAttribute("mails", views);
        return "mailbox";
    }

    @GetMapping("/mailbox/{index}")
    String show(@PathVariable int index, Model model) throws MessagingException, IOException {
        MimeMessage[] messages = smtp.getReceivedMessages();
        if (index < 0 || index >= messages.length) {
            throw new NotFound("mail " + index);
        }
        model.addAttribute("mail", MailView.of(index, messages[index]));
        return "mail";
    }
}
