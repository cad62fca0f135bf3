package io.grantline.infra.security;

import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.infra.web.NotFound;
import io.grantline.infra.web.Problems;
import io.grantline.infra.security.GrantlineUserDetailsService.IdentityRoles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import io.grantline.api.identity.IdentityId;

/** Lets a person sign in with HTTP Basic: the password's hash is stored outside the event store. */
@RestController
class LocalCredentialController {

    record CredentialBody(@NotNull @Size(min = 12, max = 128) String password) {
    }

    private final LocalAccounts accounts;
    private final PasswordEncoder passwords;
    private final IdentityRoles identities;
    private final SecurityProperties properties;

    LocalCredentialController(LocalAccounts accounts, PasswordEncoder passwords, IdentityRoles identities,
                              SecurityProperties properties) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.identities = identities;
        this.properties = properties;
    }

    @PutMapping("/api/identities/{id}/local-credential")
    ResponseEntity<?> set(@PathVariable String id, @Valid @RequestBody CredentialBody body) {
        IdentityId identityId = IdentityId.of(id);
        IdentitySummary identity = identities.find(identityId.value()).orElseThrow(() -> new NotFound("identity '" + id + "'"));
        if (identity.kind() != IdentityKind.HUMAN) {
            return conflict("only people sign in; a " + identity.kind() + " authenticates through its own credentials");
        }
        if (identityId.value().equals(properties.adminUsername())) {
            return conflict("'" + id + "' is the bootstrap administrator's name; its password comes from GRANTLINE_ADMIN_PASSWORD");
        }
        accounts.save(identityId.value(), passwords.encode(body.password()), false);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ProblemDetail> conflict(String detail) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(HttpStatus.CONFLICT, "credential-not-allowed", "Credential not allowed", detail));
    }
}
