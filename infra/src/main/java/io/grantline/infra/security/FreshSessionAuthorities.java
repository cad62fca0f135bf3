package io.grantline.infra.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashSet;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser session keeps the person signed in, not their roles: each request reads the account and the identity's
 * status and roles afresh, as HTTP Basic does. A session whose identity was compromised, suspended or has left ends
 * at its next request; a changed role counts at once.
 */
final class FreshSessionAuthorities extends OncePerRequestFilter {

    private final GrantlineUserDetailsService users;

    FreshSessionAuthorities(GrantlineUserDetailsService users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null && request.getHeader("Authorization") == null && auth instanceof UsernamePasswordAuthenticationToken signedIn
                && signedIn.isAuthenticated()) {
            UserDetails now;
            try {
                now = users.loadUserByUsername(signedIn.getName());
            } catch (UsernameNotFoundException gone) {
                now = null;
            }
            if (now == null || !now.isEnabled()) {
                session.invalidate();
                SecurityContextHolder.clearContext();
            } else if (!new HashSet<>(now.getAuthorities()).equals(new HashSet<>(signedIn.getAuthorities()))) {
                UsernamePasswordAuthenticationToken fresh = UsernamePasswordAuthenticationToken.authenticated(
                        signedIn.getPrincipal(), null, now.getAuthorities());
                fresh.setDetails(signedIn.getDetails());
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(fresh);
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
