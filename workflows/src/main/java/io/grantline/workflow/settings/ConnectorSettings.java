package io.grantline.workflow.settings;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The built-in connectors' targets; a connector whose target is unset is not available, and an entitlement cannot
 * name it.
 *
 * @param ldap    the directory whose groups LDAP-bound entitlements change
 * @param webhook where the webhook connector posts
 */
@ConfigurationProperties("grantline.connectors")
public record ConnectorSettings(Ldap ldap, Webhook webhook) {

    public ConnectorSettings {
        ldap = ldap == null ? new Ldap(null, null, null, null) : ldap;
        webhook = webhook == null ? new Webhook(null, null) : webhook;
    }

    /**
     * @param url        {@code ldap://host:389} or {@code ldaps://host:636}
     * @param bindDn     who Grantline binds as; it may change the groups' members
     * @param password   that account's password
     * @param searchBase where the groups live (informational: groups are named by DN)
     */
    public record Ldap(URI url, String bindDn, String password, String searchBase) {

        public boolean configured() {
            return url != null;
        }

        @Override
        public String toString() {
            return "Ldap[url=" + url + ", bindDn=" + bindDn + ", password=" + (password == null ? "unset" : "****") + ", searchBase="
                    + searchBase + "]";
        }
    }

    /**
     * @param url    where each provisioning and deprovisioning is posted
     * @param secret the HMAC-SHA256 key that signs each body ({@code X-Grantline-Signature: sha256=<hex>})
     */
    public record Webhook(URI url, String secret) {

        public boolean configured() {
            return url != null && secret != null && !secret.isBlank();
        }

        @Override
        public String toString() {
            return "Webhook[url=" + (url == null ? null : url.getHost()) + ", secret=" + (secret == null ? "unset" : "****") + "]";
        }
    }
}
