package io.grantline.infra.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantline.infra.support.Api;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Mail sent through the embedded SMTP server can be read, with its links, on the mailbox page. */
class MailboxPageTest extends GrantlineIntegrationTest {

    @Autowired
    JavaMailSender mail;

    @Test
    void anAdministratorReadsAMailAndItsLinksOnTheMailboxPage() throws Exception {
        String subject = "Approval needed " + UUID.randomUUID();
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom("grantline@plant.example");
        helper.setTo("olga@plant.example");
        helper.setSubject(subject);
        helper.setText("Open http://localhost/approvals/abc", "<p>Open <a href=\"http://localhost/approvals/abc\">the request</a></p>");
        mail.send(message);

        Api.Response list = admin().get("/mailbox");
        assertThat(list.status()).isEqualTo(200);
        Document page = Jsoup.parse(list.body());
        var link = page.select("a:contains(" + subject + ")");
        assertThat(link).hasSize(1);

        Document shown = Jsoup.parse(admin().get(link.attr("href")).body());
        assertThat(shown.select("h1").text()).isEqualTo(subject);
        assertThat(shown.select("pre").text()).contains("http://localhost/approvals/abc");
        Document html = Jsoup.parse(shown.select("iframe.mail-html").attr("srcdoc"));
        assertThat(html.select("a").attr("href")).isEqualTo("http://localhost/approvals/abc");
        assertThat(shown.select("iframe.mail-html").attr("sandbox")).doesNotContain("allow-scripts");
        // instants in words on every page: when it was sent reads "2 Dec 2026, 08:00", never an ISO instant
        assertThat(shown.select("dd").eachText()).noneMatch(text -> text.matches(".*\\d{4}-\\d{2}-\\d{2}T.*"));
        assertThat(page.select("tr:has(a:contains(" + subject + ")) td").eachText())
                .noneMatch(text -> text.matches(".*\\d{4}-\\d{2}-\\d{2}T.*")).anyMatch(text -> text.matches("\\d{1,2} \\w{3} \\d{4}, .*"));
    }

    @Test
    void theMailboxIsForAdministratorsOnly() {
        Catalog catalog = new Catalog(admin());
        String person = catalog.signIn(catalog.person("uma", null), "uma-password-123");

        assertThat(api().as(person, "uma-password-123").get("/mailbox").status()).isEqualTo(403);
        assertThat(api().get("/mailbox").status()).isIn(302, 401);
    }
}
