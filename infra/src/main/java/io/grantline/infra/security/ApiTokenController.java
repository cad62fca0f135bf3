package io.grantline.infra.security;

import io.grantline.infra.web.Callers;
import io.grantline.infra.web.NotFound;
import io.grantline.infra.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own API tokens: create (the secret is in this one answer), list, revoke. */
@RestController
@RequestMapping("/api/tokens")
class ApiTokenController {

    record CreateBody(@NotBlank @Size(max = 100) String name, Instant expiresAt) {
    }

    /** Thrown for an expiry outside (now, now + a year]: a 400 naming {@code expiresAt}. */
    static final class BadExpiry extends RuntimeException {

        BadExpiry(String message) {
            super(message, null, false, false);
        }
    }

    private final ApiTokens tokens;
    private final Clock clock;

    ApiTokenController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<ApiTokens.Created> create(@Valid @RequestBody CreateBody body, Authentication auth) {
        String identity = Callers.identity(auth).value();
        Instant now = clock.instant();
        Instant expiresAt = body.expiresAt() == null ? now.plus(ApiTokens.DEFAULT_LIFETIME) : body.expiresAt();
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(ApiTokens.LONGEST_LIFETIME))) {
            throw new BadExpiry("expiresAt must be in the future and at most a year away");
        }
        ApiTokens.Created created = tokens.create(identity, body.name().strip(), expiresAt);
        return ResponseEntity.created(URI.create("/api/tokens/" + created.id())).body(created);
    }

    @GetMapping
    List<ApiTokens.Token> list(Authentication auth) {
        return tokens.of(Callers.identity(auth).value());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id, Authentication auth) {
        if (!tokens.revoke(Callers.identity(auth).value(), id)) {
            throw new NotFound("API token '" + id + "'");
        }
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(BadExpiry.class)
    ProblemDetail badExpiry(BadExpiry e) {
        return Problems.invalidField("expiresAt", e.getMessage());
    }
}
