package io.grantline.infra.security;

import io.grantline.api.identity.IdentityDeparted;
import io.grantline.api.identity.IdentityMarkedCompromised;
import io.grantline.api.identity.IdentitySuspended;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A compromised, departed or suspended identity's API tokens die with it, in the transaction that records the event
 * (a subscribing processor), so no token outlives the fact even while the read models catch up.
 */
@Component
@ProcessingGroup(ApiTokenRevoker.PROCESSING_GROUP)
class ApiTokenRevoker {

    static final String PROCESSING_GROUP = "api-tokens";

    private final ApiTokens tokens;

    ApiTokenRevoker(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @EventHandler
    void on(IdentityMarkedCompromised event) {
        tokens.revokeAll(event.identityId().value(), "identity compromised");
    }

    @EventHandler
    void on(IdentityDeparted event) {
        tokens.revokeAll(event.identityId().value(), "identity departed");
    }

    @EventHandler
    void on(IdentitySuspended event) {
        tokens.revokeAll(event.identityId().value(), "identity suspended");
    }
}
