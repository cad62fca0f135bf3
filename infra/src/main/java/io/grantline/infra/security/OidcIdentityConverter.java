package io.grantline.infra.security;

import io.grantline.api.identity.IdentitySummary;
import io.grantline.infra.security.GrantlineUserDetailsService.IdentityRoles;
import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Production sign-in: an OIDC bearer token names a Grantline identity in a claim ({@code grantline.security.identity-claim},
 * {@code sub} by default), and that identity's catalog roles are the caller's authorities. The token's own scopes or
 * groups grant nothing: roles are kept, and audited, in Grantline.
 */
@Component
class OidcIdentityConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final IdentityRoles identityRoles;
    private final SecurityProperties properties;

    OidcIdentityConverter(IdentityRoles identityRoles, SecurityProperties properties) {
        this.identityRoles = identityRoles;
        this.properties = properties;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String identityId = jwt.getClaimAsString(properties.identityClaim());
        Optional<IdentitySummary> identity = identityId == null ? Optional.empty() : identityRoles.find(identityId);
        var authorities = identityRoles.authorities(identity);
        if (authorities.isEmpty()) {
            throw new DisabledException("the token names no active Grantline identity");
        }
        return new JwtAuthenticationToken(jwt, authorities, identityId);
    }
}
