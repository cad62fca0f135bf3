package io.grantline.infra.security;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.api.identity.Role;
import io.grantline.infra.domain.IdentityIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Signs in local accounts. A person's roles and status come from the identity catalog, so a departed, suspended or
 * compromised identity cannot sign in, and a role change takes effect at the next request.
 */
@Service
class GrantlineUserDetailsService implements UserDetailsService {

    private final LocalAccounts accounts;
    private final IdentityRoles identityRoles;

    GrantlineUserDetailsService(LocalAccounts accounts, IdentityRoles identityRoles) {
        this.accounts = accounts;
        this.identityRoles = identityRoles;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        LocalAccounts.Account account = accounts.find(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        Optional<IdentitySummary> identity = identityRoles.find(username);
        List<GrantedAuthority> authorities = new ArrayList<>(identityRoles.authorities(identity));
        if (account.administrator()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + Role.ADMINISTRATOR.name()));
        }
        boolean enabled = account.administrator() || identity.map(i -> i.status() == IdentityStatus.ACTIVE).orElse(false);
        return User.withUsername(username).password(account.passwordHash()).authorities(authorities).disabled(!enabled).build();
    }

    /** Roles and status of identities, as the event store has them now (the identity index). */
    @Service
    static class IdentityRoles {

        private final IdentityIndex index;

        IdentityRoles(IdentityIndex index) {
            this.index = index;
        }

        Optional<IdentitySummary> find(String username) {
            IdentityId id;
            try {
                id = IdentityId.of(username);
            } catch (IllegalArgumentException notAnIdentity) {
                return Optional.empty();
            }
            return index.find(id.value());
        }

        List<GrantedAuthority> authorities(Optional<IdentitySummary> identity) {
            List<GrantedAuthority> authorities = new ArrayList<>();
            identity.filter(i -> i.status() == IdentityStatus.ACTIVE).ifPresent(i -> {
                authorities.add(new SimpleGrantedAuthority("ROLE_IDENTITY"));
                i.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
            });
            return authorities;
        }
    }
}
