package io.grantline.workflow.grant;

import io.grantline.api.grant.GrantSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default connector: no target system, the grant is recorded as provisioned (enforcement happens elsewhere). */
public class RecordingProvisioningConnector implements ProvisioningConnector {

    private static final Logger log = LoggerFactory.getLogger(RecordingProvisioningConnector.class);

    @Override
    public String name() {
        return "record-only";
    }

    @Override
    public void provision(GrantSummary grant) {
        log.info("Grant {} recorded as provisioned (no target system connected)", grant.id().value());
    }

    @Override
    public void deprovision(GrantSummary grant) {
        log.info("Grant {} recorded as deprovisioned (no target system connected)", grant.id().value());
    }
}
