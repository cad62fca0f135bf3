package io.grantline.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.infra.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer glt_…}: a SHA-256 and an indexed read, no bcrypt. A token that is unknown, expired or
 * revoked, or whose identity is no longer active, is a 401 at once; other bearer tokens (OIDC) pass on untouched.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private static final String SCHEME = "Bearer " + ApiTokens.PREFIX;

    private final ApiTokens tokens;
    private final GrantlineUserDetailsService.IdentityRoles identities;
    private final ObjectMapper json;

    ApiTokenFilter(ApiTokens tokens, GrantlineUserDetailsService.IdentityRoles identities, ObjectMapper json) {
        this.tokens = tokens;
        this.identities = identities;
        this.json = json;
    }

    static boolean carriesToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, SCHEME, 0, 7) && header.startsWith(ApiTokens.PREFIX, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokens.Token> token = tokens.use(request.getHeader("Authorization").substring(7).strip());
        Optional<IdentitySummary> identity = token.flatMap(t -> identities.find(t.identityId()));
        var authorities = identities.authorities(identity);
        if (token.isEmpty() || authorities.stream().map(GrantedAuthority::getAuthority).noneMatch("ROLE_IDENTITY"::equals)) {
            Problems.writeUnauthorized(response, json);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(token.get().identityId(), token.get().id(), authorities));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
