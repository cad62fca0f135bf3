package io.grantline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast a running Grantline rebuilds its read models from the events: it adds {@code --identities=N} identities
 * through the API (one event each, on top of whatever the store holds), waits until the last one is on the read
 * side, then calls {@code POST /api/compliance/replay} and prints the events replayed, the time and the rate.
 * Talks only to the instance named by {@code --url} (default http://127.0.0.1:8080) as the administrator
 * ({@code GRANTLINE_ADMIN_USERNAME}/{@code GRANTLINE_ADMIN_PASSWORD}).
 */
public final class ReplayRateBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ReplayRateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = option(args, "url", "http://127.0.0.1:8080");
        int identities = Integer.parseInt(option(args, "identities", "2000"));
        String user = System.getenv().getOrDefault("GRANTLINE_ADMIN_USERNAME", "admin");
        String password = System.getenv("GRANTLINE_ADMIN_PASSWORD");
        if (password == null) {
            System.err.println("set GRANTLINE_ADMIN_PASSWORD to the running instance's administrator password");
            System.exit(2);
        }
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        String run = UUID.randomUUID().toString().substring(0, 8);

        long start = System.nanoTime();
        String last = null;
        for (int i = 0; i < identities; i++) {
            last = "bench-" + run + "-" + i;
            HttpResponse<String> created = send(url + "/api/identities", auth, "POST",
                    "{\"id\":\"" + last + "\",\"kind\":\"HUMAN\",\"displayName\":\"Bench person " + i + "\"}");
            if (created.statusCode() != 202) {
                throw new IllegalStateException("registering " + last + " answered " + created.statusCode() + ": " + created.body());
            }
        }
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("load: %,d identities through the API in %.1f s = %,.0f commands/s%n", identities, loadSeconds,
                identities / loadSeconds);
        while (last != null && send(url + "/api/identities/" + last, auth, "GET", null).statusCode() != 200) {
            Thread.sleep(100);
        }

        HttpResponse<String> replay = send(url + "/api/compliance/replay", auth, "POST", null);
        if (replay.statusCode() != 200) {
            throw new IllegalStateException("replay answered " + replay.statusCode() + ": " + replay.body());
        }
        String body = replay.body();
        System.out.printf("replay: %s events in %s ms = %s events/s; %s differences; live caught up: %s%n",
                field(body, "events"), field(body, "durationMs"), field(body, "eventsPerSecond"), field(body, "differenceCount"),
                field(body, "liveCaughtUp"));
    }

    private static HttpResponse<String> send(String url, String auth, String method, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).header("Authorization", auth);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*([^,}]+)").matcher(json);
        return value.find() ? value.group(1).trim() : "?";
    }

    private static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }
}
