package io.grantline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP calls of one phase against one instance, each with its caller's Authorization header, and the tally of
 * what came back: answers by status, latencies, and the bodies of the first few 5xx (each one a defect to look at).
 */
final class ApiCalls {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final int KEPT_FAILURES = 5;

    private final String baseUrl;
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> serverErrors = new ArrayList<>();
    private long[] latencies = new long[1024];
    private int calls;

    ApiCalls(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** One call; a call that fails without an answer (timeout, refused) counts as status 0. */
    HttpResponse<String> send(String method, String path, String auth, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", auth);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        long start = System.nanoTime();
        HttpResponse<String> response = null;
        String failure = null;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            failure = e.toString();
        }
        record(response == null ? 0 : response.statusCode(), System.nanoTime() - start,
                method + " " + path + " -> " + (response == null ? failure : response.body()));
        return response;
    }

    private synchronized void record(int status, long nanos, String what) {
        statuses.merge(status, 1, Integer::sum);
        if ((status >= 500 || status == 0) && serverErrors.size() < KEPT_FAILURES) {
            serverErrors.add(status + " " + (what.length() > 400 ? what.substring(0, 400) + "…" : what));
        }
        if (calls == latencies.length) {
            latencies = Arrays.copyOf(latencies, calls * 2);
        }
        latencies[calls++] = nanos;
    }

    synchronized int serverErrorCount() {
        return statuses.entrySet().stream().filter(e -> e.getKey() >= 500 || e.getKey() == 0).mapToInt(Map.Entry::getValue).sum();
    }

    synchronized int count(int status) {
        return statuses.getOrDefault(status, 0);
    }

    /** e.g. {@code 202×1990 409×10 500×0}, and the latency percentiles of every call. */
    synchronized String summary() {
        StringBuilder text = new StringBuilder("answers");
        statuses.forEach((status, n) -> text.append(' ').append(status == 0 ? "no-answer" : status).append('×').append(n));
        long[] sorted = Arrays.copyOf(latencies, calls);
        Arrays.sort(sorted);
        text.append(String.format("; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100)));
        return text.toString();
    }

    synchronized List<String> serverErrors() {
        return List.copyOf(serverErrors);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** Every value of a string field in a JSON text (the benchmark reads ids and task ids, nothing nested). */
    static List<String> fields(String json, String name) {
        List<String> values = new ArrayList<>();
        Matcher value = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json == null ? "" : json);
        while (value.find()) {
            values.add(value.group(1));
        }
        return values;
    }
}
