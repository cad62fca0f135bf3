package io.grantline.infra.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import io.grantline.infra.support.Mailbox;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Approval mails use the pages' words: "2 hours", "1 Dec 2026, 14:05", "Stage 2 of 3: Resource owner". */
class ApprovalMailWordsTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "mail-words-password-1";
    private static final Pattern RAW = Pattern.compile("\\bP(T\\d+[HMS]|\\d+D)\\b|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}|RESOURCE_OWNER|\\bMANAGER\\b");

    @Autowired
    GreenMail smtp;

    @Test
    void theSecondOfThreeStagesSaysSoInPlainWords() throws Exception {
        Catalog catalog = new Catalog(admin());
        Mailbox mailbox = new Mailbox(smtp);
        String director = catalog.signIn(catalog.person("jana", null), PASSWORD);
        String manager = catalog.signIn(catalog.person("kurt", director), PASSWORD);
        String requester = catalog.signIn(catalog.person("lena", manager), PASSWORD);
        String owner = catalog.signIn(catalog.person("mona", director), PASSWORD);
        String security = catalog.signIn(catalog.person("nils", director), PASSWORD);
        assertThat(admin().put("/api/identities/" + security + "/roles", "{\"roles\":[\"OT_SECURITY\"]}").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                admin().get("/api/identities/" + security).json().get("roles").toString().contains("OT_SECURITY"));
        String entitlement = catalog.entitlement("sis-1-engineer", "CRITICAL", owner, "P1D");
        assertThat(api().as(requester, PASSWORD).post("/api/access-requests", "{\"entitlementId\":\"" + entitlement
                + "\",\"justification\":\"Proof test\",\"duration\":\"PT2H\"}").status()).isEqualTo(202);

        MimeMessage first = mailbox.awaitMail(manager + "@plant.example", "Approval needed");
        assertThat(Mailbox.htmlPart(first)).contains("Stage 1 of 3: Manager", "for 2 hours");
        assertThat(api().as(manager, PASSWORD).send("POST", "/approvals/" + Mailbox.approvalToken(first),
                "application/x-www-form-urlencoded", "outcome=APPROVE").status()).isEqualTo(200);

        MimeMessage second = mailbox.awaitMail(owner + "@plant.example", "Approval needed");
        String html = Mailbox.htmlPart(second);
        assertThat(html).contains("Stage 2 of 3: Resource owner", "for 2 hours", "Critical risk").containsPattern("Answer by \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}");
        assertThat(second.getSubject()).doesNotContainPattern(RAW);
        assertThat(RAW.matcher(html.replaceAll("href=\"[^\"]*\"", "")).find()).as(html).isFalse();
    }
}
