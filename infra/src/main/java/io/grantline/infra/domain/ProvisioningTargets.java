package io.grantline.infra.domain;

import io.grantline.api.entitlement.ConnectorKind;
import io.grantline.api.entitlement.EntitlementProvisioningSet;
import io.grantline.api.grant.FindProvisioningTarget;
import io.grantline.api.grant.HeldThroughGroup;
import io.grantline.api.grant.ProvisioningTarget;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each entitlement's connector and group, kept by a subscribing processor in the transaction of the events they follow:
 * a provisioning step right after an entitlement was defined finds its target, whatever the read models are doing.
 * The holder's directory entry comes from the identity index, kept the same way.
 */
@Component
@ProcessingGroup(ProvisioningTargets.PROCESSING_GROUP)
class ProvisioningTargets {

    static final String PROCESSING_GROUP = "provisioning-targets";

    private final JdbcClient jdbc;

    ProvisioningTargets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EntitlementProvisioningSet event) {
        jdbc.sql("DELETE FROM entitlement_provisioning WHERE entitlement_id = ?").param(event.entitlementId().value()).update();
        jdbc.sql("INSERT INTO entitlement_provisioning (entitlement_id, connector, target_group) VALUES (?, ?, ?)")
                .params(event.entitlementId().value(), event.provisioning().connector().name(), event.provisioning().group())
                .update();
    }

    @QueryHandler
    public Boolean handle(HeldThroughGroup query) {
        LdapName group = name(query.group());
        return group != null && jdbc.sql("""
                        SELECT e.target_group FROM active_grant_index g JOIN entitlement_provisioning e ON e.entitlement_id = g.entitlement_id
                        WHERE g.identity_id = ? AND g.grant_id <> ? AND e.connector = 'LDAP' AND e.target_group IS NOT NULL""")
                .params(query.identityId().value(), query.except().value())
                .query(String.class).list().stream().map(ProvisioningTargets::name).anyMatch(group::equals);
    }

    private static LdapName name(String dn) {
        try {
            return new LdapName(dn);
        } catch (InvalidNameException e) {
            return null;
        }
    }

    @QueryHandler
    public ProvisioningTarget handle(FindProvisioningTarget query) {
        String directoryDn = jdbc.sql("SELECT directory_dn FROM identity_index WHERE identity_id = ?")
                .param(query.identityId().value()).query(String.class).optional().orElse(null);
        return jdbc.sql("SELECT connector, target_group FROM entitlement_provisioning WHERE entitlement_id = ?")
                .param(query.entitlementId().value())
                .query((row, number) -> new ProvisioningTarget(ConnectorKind.valueOf(row.getString(1)), row.getString(2), directoryDn))
                .optional()
                .orElse(new ProvisioningTarget(null, null, directoryDn));
    }
}
