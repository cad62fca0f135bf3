package io.grantline.infra.cockpit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grantline.infra.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the Camunda webapps to what leaves the record whole. Cockpit reads everything and may retry a failed step (the
 * step then runs as it would have, through the aggregates) or deploy models (recorded as {@code ModelsDeployed}); it may
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
            // a failed step runs again, through the aggregates, as it would have without the failure
            Pattern.compile("PUT (job|job-definition|external-task)/[^/]+/retries"),
            Pattern.compile("POST job/retries"),
            Pattern.compile("(PUT|DELETE) incident/[^/]+/annotation"),
            // every deployment is recorded as ModelsDeployed (ModelDeploymentAudit)
            Pattern.compile("POST deployment/(create|[^/]+/redeploy)"));

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

    private static boolean safe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }
}
