package io.grantline.infra.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantline.infra.support.BrowserSession;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A person meets Grantline's own pages when something is refused or missing; scripts keep their problem+json. */
class ErrorPagesTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "error-pages-password-1";

    @Test
    void aNonAdministratorMeetsGrantlines403PagesNotTomcats() {
        Catalog catalog = new Catalog(admin());
        BrowserSession person = new BrowserSession(port).signIn(catalog.signIn(catalog.person("hanna", null), PASSWORD), PASSWORD);

        for (String path : new String[] {"/mailbox", "/admin/identities", "/compliance", "/camunda/app/cockpit/"}) {
            HttpResponse<String> page = person.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(403);
            Document html = Jsoup.parse(page.body());
            assertThat(html.select("h1").text()).as(path).isEqualTo("Not for your role");
            assertThat(html.select("link[rel=stylesheet]").attr("href")).isEqualTo("/css/grantline.css");
        }
        HttpResponse<String> form = person.send(HttpRequest.newBuilder(person.uri("/admin/entitlements"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("id=sneaky&_csrf=" + person.csrfToken())));
        assertThat(form.statusCode()).isEqualTo(403);
    }

    @Test
    void unknownAddressesAndRecordsAreGrantline404PagesForBrowsersAndProblemsForScripts() {
        Catalog catalog = new Catalog(admin());
        BrowserSession person = new BrowserSession(port).signIn(catalog.signIn(catalog.person("ida", null), PASSWORD), PASSWORD);

        HttpResponse<String> nowhere = person.get("/no/such/page");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(nowhere.body()).select("h1").text()).isEqualTo("Not found");
        HttpResponse<String> request = person.get("/requests/00000000-0000-0000-0000-000000000000");
        assertThat(request.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(request.body()).select("h1").text()).isEqualTo("Not found");

        var script = admin().get("/api/no-such-endpoint");
        assertThat(script.status()).isEqualTo(404);
        assertThat(script.contentType()).startsWith("application/problem+json");
    }

    @Test
    void signingInLandsOnGrantlinesOwnFormWithLabels() {
        HttpResponse<String> home = new BrowserSession(port).get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        Document login = Jsoup.parse(new BrowserSession(port).get("/login").body());
        assertThat(login.select("label[for=username]").text()).isEqualTo("Username");
        assertThat(login.select("label[for=password]").text()).isEqualTo("Password");
        assertThat(login.select("button[type=submit]").text()).isEqualTo("Sign in");
    }
}
