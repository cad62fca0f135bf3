package io.grantline.infra.security;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.DecisionAuthentication;
import io.grantline.api.request.DecisionAuthentication.Method;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * How an approver proved who they are when they decide: the facts the AccessRequest aggregate judges freshness by.
 * Credentials are checked here, once, against the approver's own account: a password given with the decision (a form
 * field, or HTTP Basic on the decision itself) is checked even when a session exists, so a stale or borrowed session
 * never passes for a fresh password.
 */
@Component
public class ApproverAuthentication {

    /** The session attribute holding when its person signed in with a password. */
    static final String SIGNED_IN_AT = ApproverAuthentication.class.getName() + ".signedInAt";

    /** The credentials presented do not prove the approver: nothing is recorded. */
    public static final class Refused extends RuntimeException {

        private final boolean someoneElse;

        Refused(boolean someoneElse, String message) {
            super(message, null, false, false);
            this.someoneElse = someoneElse;
        }

        /** True: the credentials are another person's (403); false: they are wrong or missing (401). */
        public boolean someoneElse() {
            return someoneElse;
        }
    }

    private final DaoAuthenticationProvider passwords;
    private final Clock clock;

    ApproverAuthentication(UserDetailsService accounts, PasswordEncoder encoder, Clock clock) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(encoder);
        this.clock = clock;
    }

    /**
     * What this request proves about {@code approver}: a password in the form or in HTTP Basic, an OIDC token, a
     * signed-in session, or nothing beyond {@code fallback} (the link itself, or an API token).
     */
    public DecisionAuthentication of(HttpServletRequest http, Authentication auth, IdentityId approver, String formPassword,
                                     Method fallback) {
        if (formPassword != null && !formPassword.isEmpty()) {
            return checkedPassword(approver.value(), formPassword);
        }
        String header = http.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] userAndPassword = decodeBasic(header.substring(6).trim());
            requireSamePerson(approver, userAndPassword[0]);
            return checkedPassword(userAndPassword[0], userAndPassword[1]);
        }
        if (auth instanceof JwtAuthenticationToken oidc) {
            requireSamePerson(approver, oidc.getName());
            return new DecisionAuthentication(Method.OIDC, authTime(oidc.getToken()));
        }
        HttpSession session = http.getSession(false);
        boolean person = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        if (person && session != null && auth instanceof UsernamePasswordAuthenticationToken) {
            requireSamePerson(approver, auth.getName());
            return new DecisionAuthentication(Method.SESSION, session.getAttribute(SIGNED_IN_AT) instanceof Instant at ? at : null);
        }
        if (person && fallback == Method.LINK_ONLY) {
            requireSamePerson(approver, auth.getName());
        }
        return new DecisionAuthentication(fallback, null);
    }

    /** Records a password sign-in's time in its session: re-authentication is judged against it. */
    static void recordSignIn(HttpSession session, Clock clock) {
        session.setAttribute(SIGNED_IN_AT, clock.instant());
    }

    private DecisionAuthentication checkedPassword(String username, String password) {
        try {
            passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
        } catch (AuthenticationException wrong) {
            throw new Refused(false, "The password is not right, or the account may not sign in. Nothing was recorded.");
        }
        return DecisionAuthentication.passwordAt(clock.instant());
    }

    private static void requireSamePerson(IdentityId approver, String username) {
        if (!approver.value().equals(username)) {
            throw new Refused(true, "This decision belongs to " + approver.value() + ", but the credentials are "
                    + username + "'s. Nothing was recorded.");
        }
    }

    private static Instant authTime(Jwt token) {
        Object authTime = token.getClaims().get("auth_time");
        if (authTime instanceof Instant at) {
            return at;
        }
        if (authTime instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return null;
    }

    private static String[] decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
            }
        } catch (IllegalArgumentException notBase64) {
            // answered below
        }
        throw new Refused(false, "The credentials could not be read. Nothing was recorded.");
    }
}
