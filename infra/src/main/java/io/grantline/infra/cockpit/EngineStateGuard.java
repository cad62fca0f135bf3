package io.grantline.infra.cockpit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grantline.infra.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the Camunda webapps to what leaves the record whole. Cockpit reads everything and may retry a failed step (the
 * step then runs as it would have, through the aggregates; a retry may not carry a due date) or deploy models (recorded as {@code ModelsDeployed}); it may
 * not cancel, suspend, modify, move, start or correlate a process, complete a task, set a variable or move a timer: each
 * would change a request's or a grant's course with no event to show for it (a grant kept past its end by a cancelled
 * lifecycle, an approval stage closed without a decision). Those calls answer 403 problem+json; the tasklist, where
 * tasks would be completed, sends a person to Grantline's inbox instead.
 */
final class EngineStateGuard extends OncePerRequestFilter {

    private static final Pattern ENGINE_CALL = Pattern.compile("^/camunda/api/engine/engine/[^/]+/(.+?)/?$");

    /** Resources whose POST is a query with a body (Cockpit's searches and counts), not a change. */
    private static final String QUERIES = "(history/)?(process-instance|activity-instance|task|variable-instance|job"
            + "|job-definition|execution|external-task|incident|event-subscription|process-definition"
            + "|decision-definition|decision-instance|job-log|external-task-log|detail|user-operation|batch)(/count)?";

    private static final List<Pattern> ENGINE_CHANGES_ON_RECORD = List.of(
            Pattern.compile("POST " + QUERIES),
            Pattern.compile("(PUT|DELETE) incident/[^/]+/annotation"),
            // every deployment is recorded as ModelsDeployed (ModelDeploymentAudit)
            Pattern.compile("POST deployment/(create|[^/]+/redeploy)"));

    /**
     * Retrying a failed step: it runs again, through the aggregates, as it would have without the failure. Only with at
     * least one retry and no due date (the engine would take one and move any timer with it, or park a job for good
     * with none left), and in a batch only for jobs named by id (a query could reach every timer).
     */
    private static final Pattern RETRY = Pattern.compile("(PUT (job|job-definition|external-task)/[^/]+/retries|POST job/retries)");
    private static final Set<String> SINGLE_RETRY_FIELDS = Set.of("retries");
    private static final Set<String> BATCH_RETRY_FIELDS = Set.of("retries", "jobIds");
    private static final int LONGEST_BODY = 1 << 20;

    private static final Pattern WEBAPP_SESSION = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/(login/[^/]+|logout)$");

    private final ObjectMapper json;

    EngineStateGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/camunda/app/tasklist")) {
            response.sendRedirect(request.getContextPath() + "/inbox");
            return;
        }
        if (safe(request.getMethod()) || allowed(request.getMethod(), path)) {
            chain.doFilter(request, response);
            return;
        }
        String retry = retryCall(request.getMethod(), path);
        if (retry != null) {
            byte[] body = request.getInputStream().readNBytes(LONGEST_BODY);
            if (retryOnly(body, retry.startsWith("POST") ? BATCH_RETRY_FIELDS : SINGLE_RETRY_FIELDS)) {
                chain.doFilter(new ReadAgain(request, body), response);
                return;
            }
            Problems.writeOutsideTheRecord(response, json, "a retry names how many retries (at least one)"
                    + (retry.startsWith("POST") ? " and the failed jobs by id" : "") + ", and nothing else: a due date or a"
                    + " query would move timers outside the record");
            return;
        }
        Problems.writeOutsideTheRecord(response, json, request.getMethod() + " " + path
                + " would change a process outside the record; decisions, revocations and cancellations go through"
                + " Grantline's API or pages, where they are recorded. Cockpit may read, retry a failed step and deploy models.");
    }

    static boolean allowed(String method, String path) {
        if (path.startsWith("/camunda/api/cockpit/") || WEBAPP_SESSION.matcher(path).matches()) {
            return true; // Cockpit's own plugin queries; the webapps' session
        }
        Matcher engine = ENGINE_CALL.matcher(path);
        if (!engine.matches()) {
            return false;
        }
        String call = method + " " + engine.group(1);
        return ENGINE_CHANGES_ON_RECORD.stream().anyMatch(change -> change.matcher(call).matches());
    }

    /** The retry call this is ("PUT job/x/retries", ...), or null. */
    private static String retryCall(String method, String path) {
        Matcher engine = ENGINE_CALL.matcher(path);
        if (!engine.matches()) {
            return null;
        }
        String call = method + " " + engine.group(1);
        return RETRY.matcher(call).matches() ? call : null;
    }

    private boolean retryOnly(byte[] body, Set<String> fields) {
        try {
            JsonNode retry = json.readTree(body);
            if (retry == null || !retry.isObject() || !retry.path("retries").canConvertToInt() || retry.path("retries").asInt() < 1) {
                return false;
            }
            for (Iterator<String> names = retry.fieldNames(); names.hasNext(); ) {
                if (!fields.contains(names.next())) {
                    return false;
                }
            }
            return !fields.contains("jobIds") || retry.path("jobIds").isArray() && !retry.path("jobIds").isEmpty();
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** The request with its body, already read here, to be read again by the engine's REST resource. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("read synchronously");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }

    private static boolean safe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }
}
