package io.grantline.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantline.infra.support.Api;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Sign-in reads identities as the event store has them (the identity index, written in the command's transaction):
 * a role granted or a compromise recorded counts at the very next request, with no wait for a read model.
 */
class ImmediateIdentityFactsTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "immediate-password-1";

    @Test
    void aRoleGrantedAndACompromiseCountAtTheVeryNextRequest() {
        Catalog catalog = new Catalog(admin());
        String vera = catalog.signIn(catalog.person("vera", null), PASSWORD);
        Api asVera = api().as(vera, PASSWORD);
        assertThat(asVera.get("/api/compliance/read-log").status()).isEqualTo(403);

        assertThat(admin().put("/api/identities/" + vera + "/roles", "{\"roles\":[\"COMPLIANCE_OFFICER\"]}").status()).isEqualTo(202);
        assertThat(asVera.get("/api/compliance/read-log").status()).as("no wait for the read side").isEqualTo(200);

        assertThat(admin().post("/api/identities/" + vera + "/compromised", "{\"reason\":\"token leaked\"}").status()).isEqualTo(202);
        assertThat(asVera.get("/api/entitlements").status()).as("her very next request").isEqualTo(401);
    }
}
