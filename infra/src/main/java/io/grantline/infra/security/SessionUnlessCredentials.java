package io.grantline.infra.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.core.context.DeferredSecurityContext;

/**
 * The API's security context: a call with an {@code Authorization} header is judged by that header alone (a session
 * cookie beside it is ignored, so a browser's session never lends its sign-in to a wrong password); a call without
 * one may use the browser's existing session. Nothing here creates a session.
 */
final class SessionUnlessCredentials implements SecurityContextRepository {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final RequestAttributeSecurityContextRepository perRequest = new RequestAttributeSecurityContextRepository();
    private final HttpSessionSecurityContextRepository session = new HttpSessionSecurityContextRepository();

    SessionUnlessCredentials() {
        session.setAllowSessionCreation(false);
    }

    static boolean carriesCredentials(HttpServletRequest request) {
        return request.getHeader("Authorization") != null;
    }

    /** CSRF protection applies to unsafe calls that would be authenticated by the browser's session. */
    static boolean unsafeOnSession(HttpServletRequest request) {
        return !SAFE.contains(request.getMethod()) && !carriesCredentials(request) && request.getSession(false) != null;
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return carriesCredentials(holder.getRequest()) ? perRequest.loadContext(holder) : session.loadContext(holder);
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return carriesCredentials(request) ? perRequest.loadDeferredContext(request) : session.loadDeferredContext(request);
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        perRequest.saveContext(context, request, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return carriesCredentials(request) ? perRequest.containsContext(request) : session.containsContext(request);
    }
}
