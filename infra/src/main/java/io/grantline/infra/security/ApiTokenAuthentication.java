package io.grantline.infra.security;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** A call authenticated by an API token: it acts as the token's identity, with that identity's roles now. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String identityId;
    private final String tokenId;

    ApiTokenAuthentication(String identityId, String tokenId, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.identityId = identityId;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return identityId;
    }

    @Override
    public String getName() {
        return identityId;
    }

    String tokenId() {
        return tokenId;
    }
}
