package io.grantline.infra.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** An administrator signed in to Grantline uses Camunda Cockpit without a second account. */
class CockpitSignOnTest extends GrantlineIntegrationTest {

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void anAdministratorSignedInOnTheFormReachesCockpit() throws Exception {
        signIn(ADMIN, ADMIN_PASSWORD);

        assertThat(get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> user = get("/camunda/api/admin/auth/user/default");
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"admin\"").contains("cockpit");
        assertThat(get("/camunda/api/engine/engine/default/process-definition/count").body()).contains("count");
    }

    @Test
    void cockpitAsksAnonymousVisitorsToSignIn() throws Exception {
        HttpResponse<String> response = get("/camunda/app/cockpit/default/");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void aPersonWithoutTheAdministratorRoleIsKeptOutOfCockpit() throws Exception {
        Catalog catalog = new Catalog(admin());
        signIn(catalog.signIn(catalog.person("vera", null), "vera-password-12"), "vera-password-12");

        assertThat(get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
        assertThat(get("/camunda/api/engine/engine/default/process-definition/count").statusCode()).isEqualTo(403);
    }

    private void signIn(String username, String password) throws Exception {
        String csrf = Jsoup.parse(get("/login").body()).select("input[name=_csrf]").attr("value");
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    private HttpResponse<String> get(String path) throws Exception {
        String accept = path.startsWith("/camunda/api/") ? "application/json" : "text/html";
        return browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
