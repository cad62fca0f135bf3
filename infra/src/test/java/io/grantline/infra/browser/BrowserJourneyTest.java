package io.grantline.infra.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import io.grantline.infra.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The journeys of issue 11 in a real browser (Debian's Chromium): a requester files a request from the home page, an
 * approver decides it from the inbox, the requester sees the grant, a compliance officer asks who held it, verifies,
 * opens the history and downloads the evidence; a non-administrator meets Grantline's 403 page. Every page on the
 * way is read as a person would: labelled controls, words instead of ISO values, no sideways scrolling on a phone.
 * Screenshots land in target/screenshots (or {@code -Dgrantline.screenshots=docs/pages}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserJourneyTest extends GrantlineIntegrationTest {

    private Browser browser;
    private Catalog catalog;
    private String olga;
    private String alice;
    private String olivia;
    private String pump;

    @BeforeAll
    void startBrowser() throws IOException {
        String why = Browser.whyNotHere();
        if (why == null && !"h2".equals(System.getProperty(TestDatabase.SELECTOR, "h2"))) {
            why = "Browser suite skipped on " + System.getProperty(TestDatabase.SELECTOR) + ": the pages do not depend on the database; it runs with H2";
        }
        if (why != null) {
            System.out.println(why);
            Assumptions.abort(why);
        }
        Path screenshots = Path.of(System.getProperty("grantline.screenshots", "target/screenshots")).toAbsolutePath();
        browser = new Browser(port, Files.createTempDirectory("grantline-downloads"), screenshots);
        catalog = new Catalog(admin());
        olga = catalog.signIn(catalog.person("Olga", null), "olga-password-1");
        alice = catalog.signIn(catalog.person("Alice", olga), "alice-password-1");
        olivia = catalog.signIn(catalog.person("Olivia", null), "olivia-password-1");
        assertThat(admin().put("/api/identities/" + olivia + "/roles", "{\"roles\":[\"COMPLIANCE_OFFICER\"]}").status()).isEqualTo(202);
        pump = catalog.entitlement("Pump-" + olga.substring(olga.length() - 8), "MEDIUM", olga, "PT8H");
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aRequestFromTheHomePageIsDecidedInTheInboxAndAnsweredForAnAuditor() throws IOException {
        String resource = "Pump-" + olga.substring(olga.length() - 8);

        // the requester files a request, starting from the home page
        browser.open("/");
        assertThat(browser.path()).startsWith("/login");
        browser.screenshot("login");
        browser.signIn(alice, "alice-password-1");
        assertThat(browser.heading()).contains("Alice");
        browser.follow("Request access");
        browser.assertControlsLabelled();
        browser.chooseContaining("Entitlement", resource);
        assertThat(browser.field("Duration").getAttribute("value")).matches("PT\\d+[HM]");
        browser.choose("Duration", "2 hours");
        assertThat(browser.field("Duration").getAttribute("value")).isEqualTo("PT2H");
        browser.type("Justification", "Replace the pump's seal on line 3");
        browser.type("Ticket", "CHG-2211");
        browser.screenshot("request-new");
        browser.press("Submit request");
        assertThat(browser.path()).matches("/requests/[0-9a-f-]{36}");
        assertThat(browser.text()).contains("Your request is filed", "Pending", "2 hours");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            browser.refresh();
            assertThat(browser.text()).contains("Manager", "asked: Olga", "waiting, answer by");
        });
        browser.assertPlainWords();
        browser.screenshot("request");
        browser.signOut();

        // the approver decides it from the inbox, with a comment
        browser.signIn(olga, "olga-password-1");
        browser.follow("Inbox");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            browser.refresh();
            assertThat(browser.text()).contains(resource + " (Operate) for Alice");
        });
        browser.assertControlsLabelled();
        browser.assertPlainWords();
        browser.screenshot("inbox");
        browser.type("Comment", "Seal job approved; close the ticket after");
        browser.press("Approve");
        assertThat(browser.text()).contains("Approved: your decision is recorded.").doesNotContain(resource + " (Operate) for Alice");
        browser.signOut();

        // the requester sees the grant, with the time left
        browser.signIn(alice, "alice-password-1");
        browser.follow("Grants");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            browser.refresh();
            assertThat(browser.text()).contains(resource + " (Operate)").containsPattern("1 hour 5\\d minutes left|2 hours left");
        });
        browser.assertPlainWords();
        browser.screenshot("grants");

        // an API token for a script, made on a page and shown once
        browser.follow("API tokens");
        browser.type("Name", "Ticketing system");
        browser.choose("Expires after", "30 days");
        browser.press("Create token");
        assertThat(browser.field("Token").getAttribute("value")).matches("glt_[A-Za-z0-9_-]{43}");
        browser.assertPlainWords();
        browser.screenshot("tokens");

        // a non-administrator meets Grantline's own 403 page
        browser.open("/mailbox");
        assertThat(browser.heading()).isEqualTo("Not for your role");
        assertThat(browser.text()).contains("Status 403", "Back to the home page");
        browser.screenshot("error-403");

        // on a phone: no sideways scrolling, and the focus ring shows
        browser.size(Browser.PHONE);
        for (String page : List.of("/", "/requests/new", "/requests", "/grants", "/tokens")) {
            browser.open(page);
            browser.assertNoSidewaysScrolling();
            browser.assertPlainWords();
        }
        browser.open("/");
        browser.assertFocusRing();
        browser.screenshot("home-phone");
        browser.open("/requests/new");
        browser.screenshot("request-new-phone");
        browser.size(Browser.LAPTOP);
        browser.signOut();

        // the compliance officer: who held it, its history, is the record intact, the evidence
        browser.signIn(olivia, "olivia-password-1");
        browser.follow("Compliance");
        browser.assertControlsLabelled();
        browser.type("Resource", resource);
        browser.press("Who held it");
        assertThat(browser.text()).contains("Holders at", "Alice", resource + " (Operate)");
        browser.assertPlainWords();
        browser.screenshot("compliance");
        browser.follow("History");
        assertThat(browser.text()).contains("asked for " + pump, "approved stage 1 (Manager)", "Seal job approved", "granted " + pump);
        browser.assertPlainWords();
        browser.screenshot("history");
        browser.follow("Back to compliance");
        browser.press("Verify");
        assertThat(browser.text()).containsPattern("Intact: all \\d+ events match");
        browser.press("Download evidence");
        Path evidence = await().atMost(Duration.ofSeconds(20)).until(() -> downloaded(browser.downloads()), file -> file != null);
        List<String> lines = Files.readAllLines(evidence);
        assertThat(lines).isNotEmpty();
        assertThat(lines.get(lines.size() - 1)).contains("\"manifest\"");
        assertThat(String.join("\n", lines)).contains(pump);
        browser.open("/compliance");
        assertThat(browser.text()).contains("Who read what", olivia);
        browser.assertPlainWords();
        browser.signOut();

        // the administrator keeps the catalog with forms
        browser.signIn(ADMIN, ADMIN_PASSWORD);
        browser.follow("Identities");
        browser.assertControlsLabelled();
        assertThat(browser.text()).contains("Register an identity", alice);
        browser.screenshot("admin-identities");
        browser.follow("Entitlements");
        browser.assertControlsLabelled();
        browser.assertPlainWords();
        assertThat(browser.text()).contains(resource, "8 hours");
        browser.screenshot("admin-entitlements");
        browser.signOut();
    }

    private static Path downloaded(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".ndjson")).findFirst().orElse(null);
        }
    }
}
