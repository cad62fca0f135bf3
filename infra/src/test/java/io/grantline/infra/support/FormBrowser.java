package io.grantline.infra.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;

/**
 * What a browser does over plain HTTP: keeps its cookies, signs in through the login form with the page's CSRF token,
 * and posts forms. Lets a test tell a session's decision from a link's, and a page's token from a forged request.
 */
public final class FormBrowser {

    private final Api api;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    public FormBrowser(Api api) {
        this.api = api;
    }

    /** Signs in through the form; answers the status of the form's POST (302 on success). */
    public int signIn(String username, String password) {
        String token = csrfTokenOf(get("/login").body());
        return postForm("/login", Map.of("username", username, "password", password, "_csrf", token)).statusCode();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = new LinkedHashMap<>(fields).entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The hidden {@code _csrf} field of the page's first form. */
    public static String csrfTokenOf(String html) {
        return Jsoup.parse(html).select("input[name=_csrf]").attr("value");
    }

    private URI uri(String path) {
        return api.uri(path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
