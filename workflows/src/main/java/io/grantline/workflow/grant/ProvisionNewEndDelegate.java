package io.grantline.workflow.grant;

import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.GrantStatus;
import io.grantline.api.grant.GrantSummary;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the grant's target the end an extension moved it to, by provisioning the grant again with its new
 * {@code validUntil} (every connector tolerates being called again for the same grant): a target that enforces the end
 * it was sent would otherwise cut the access at the old one. Records nothing: the grant's access did not change, and
 * {@code GrantExtended} is its record. A grant not yet provisioned gets the new end with its first provisioning; one
 * that ended meanwhile is left to its deprovisioning.
 */
@Component("provisionNewEnd")
class ProvisionNewEndDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(ProvisionNewEndDelegate.class);

    private final ConnectorRouter connectors;
    private final GrantFacts grants;

    ProvisionNewEndDelegate(ConnectorRouter connectors, GrantFacts grants) {
        this.connectors = connectors;
        this.grants = grants;
    }

    @Override
    public void execute(DelegateExecution execution) {
        GrantSummary grant = grants.grant(GrantId.of((String) execution.getVariable("grantId")));
        if (grant.status() != GrantStatus.ACTIVE) {
            log.info("Grant {} is {}: its target is not told of the extension", grant.id().value(), grant.status());
            return;
        }
        String connector = connectors.provision(grant);
        log.info("Grant {}: target told its new end {} through {}", grant.id().value(), grant.validUntil(), connector);
    }
}
