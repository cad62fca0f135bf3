package io.grantline.infra.web;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who is calling, in the terms the domain needs. */
public final class Callers {

    private Callers() {
    }

    public static boolean has(Authentication auth, Role role) {
        return has(auth, "ROLE_" + role.name());
    }

    /** The caller as an identity; administrators without an identity of their own cannot act as one. */
    public static IdentityId identity(Authentication auth) {
        if (!has(auth, "ROLE_IDENTITY")) {
            throw new AccessDeniedException("the caller is not an active identity");
        }
        return IdentityId.of(auth.getName());
    }

    /** Reads beyond one's own: administrators, compliance officers and security operators. */
    public static boolean overseer(Authentication auth) {
        return has(auth, Role.ADMINISTRATOR) || has(auth, Role.COMPLIANCE_OFFICER) || has(auth, Role.SECURITY_OPERATOR);
    }

    /** A password presented with this very request (HTTP Basic) counts as signing in again. */
    public static boolean presentedCredentials(Authentication auth) {
        // a username/password authentication counts only when it was made from this request's own Basic header: the
        // API judges such a call by its header alone, while a browser session's sign-in is not a fresh proof
        return auth instanceof UsernamePasswordAuthenticationToken && auth.isAuthenticated() && basicHeaderOnThisRequest();
    }

    private static boolean basicHeaderOnThisRequest() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return false;
        }
        String header = attributes.getRequest().getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }

    private static boolean has(Authentication auth, String authority) {
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
