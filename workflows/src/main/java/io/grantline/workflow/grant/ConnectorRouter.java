package io.grantline.workflow.grant;

import io.grantline.api.entitlement.ConnectorKind;
import io.grantline.api.grant.FindProvisioningTarget;
import io.grantline.api.grant.GrantSummary;
import io.grantline.api.grant.HeldThroughGroup;
import io.grantline.api.grant.ProvisioningTarget;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Picks the connector that enforces a grant: the one its entitlement names ({@code provisioning.connector}: an LDAP
 * group, a webhook, or {@code record}, which only records), or else the site's own {@link ProvisioningConnector}. The
 * entitlement's target and the holder's directory entry are read as the event store has them now.
 */
@Component
public class ConnectorRouter {

    private final ProvisioningConnector siteConnector;
    private final Map<ConnectorKind, TargetConnector> builtIn = new EnumMap<>(ConnectorKind.class);
    private final QueryGateway queries;

    ConnectorRouter(ProvisioningConnector siteConnector, List<TargetConnector> builtIn, QueryGateway queries) {
        this.siteConnector = siteConnector;
        builtIn.forEach(connector -> this.builtIn.put(connector.kind(), connector));
        this.queries = queries;
    }

    /** Whether an entitlement may name {@code kind}: {@code record} always, the others once their target is configured. */
    public boolean available(ConnectorKind kind) {
        return kind == ConnectorKind.RECORD || builtIn.containsKey(kind) && builtIn.get(kind).available();
    }

    /** Enforces the grant; returns the connector's name, recorded with the grant's provisioning. */
    String provision(GrantSummary grant) {
        ProvisioningTarget target = targetOf(grant);
        if (target.connector() == null) {
            siteConnector.provision(grant);
            return siteConnector.name();
        }
        if (target.connector() != ConnectorKind.RECORD) {
            builtIn.get(target.connector()).provision(grant, target);
        }
        return target.connector().value();
    }

    /** Stops enforcing the grant; returns the connector's name, recorded with the grant's deprovisioning. */
    String deprovision(GrantSummary grant) {
        ProvisioningTarget target = targetOf(grant);
        if (target.connector() == null) {
            siteConnector.deprovision(grant);
            return siteConnector.name();
        }
        if (target.connector() == ConnectorKind.LDAP) {
            // two entitlements may name one group: the membership stays while another grant puts the holder there
            boolean stillNeeded = queries.query(new HeldThroughGroup(grant.identityId(), target.group(), grant.id()),
                    ResponseTypes.instanceOf(Boolean.class)).join();
            ((LdapGroupConnector) builtIn.get(ConnectorKind.LDAP)).deprovision(grant, target, stillNeeded);
        } else if (target.connector() != ConnectorKind.RECORD) {
            builtIn.get(target.connector()).deprovision(grant, target);
        }
        return target.connector().value();
    }

    /** Whether an LDAP-bound entitlement may name {@code group}: inside the configured search base, if any. */
    public boolean allowsGroup(String group) {
        return !builtIn.containsKey(ConnectorKind.LDAP) || ((LdapGroupConnector) builtIn.get(ConnectorKind.LDAP)).allows(group);
    }

    private ProvisioningTarget targetOf(GrantSummary grant) {
        return queries.query(new FindProvisioningTarget(grant.entitlementId(), grant.identityId()),
                ResponseTypes.instanceOf(ProvisioningTarget.class)).join();
    }
}
