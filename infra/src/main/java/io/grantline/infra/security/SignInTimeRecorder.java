package io.grantline.infra.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After a password sign-in, remembers when it happened in the session (re-authentication is judged against it), then
 * goes where the person was heading, or home.
 */
final class SignInTimeRecorder extends SavedRequestAwareAuthenticationSuccessHandler {

    private final Clock clock;

    SignInTimeRecorder(Clock clock) {
        this.clock = clock;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        ApproverAuthentication.recordSignIn(request.getSession(), clock);
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
