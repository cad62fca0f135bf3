package io.grantline.infra.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problems with stable types: {@code urn:grantline:problem:<slug>}. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail invalidField(String field, String detail) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail);
        if (field != null && !field.isEmpty()) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    public static URI type(String slug) {
        return URI.create("urn:grantline:problem:" + slug);
    }

    /** For filters and entry points that answer before Spring MVC is reached. */
    static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    public static void writeUnauthorized(HttpServletResponse response, ObjectMapper json) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Grantline\"");
        write(response, json, of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "sign in with HTTP Basic (local account) or an OIDC bearer token"));
    }

    /** An unsafe call on a browser session without the page's CSRF token. */
    public static void writeCsrfRefused(HttpServletResponse response, ObjectMapper json) throws IOException {
        write(response, json, of(HttpStatus.FORBIDDEN, "csrf-token-required", "CSRF token required",
                "a call on a signed-in browser session must carry the page's CSRF token (header X-CSRF-TOKEN); "
                        + "scripts send HTTP Basic or a bearer token instead"));
    }

    public static void writeForbidden(HttpServletResponse response, ObjectMapper json) throws IOException {
        write(response, json, of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "your roles do not allow this call"));
    }

    /** A call to the engine that would change a process outside the record (Cockpit's REST API, the tasklist). */
    public static void writeOutsideTheRecord(HttpServletResponse response, ObjectMapper json, String detail)
            throws IOException {
        write(response, json, of(HttpStatus.FORBIDDEN, "outside-the-record", "Not through the engine", detail));
    }
}
