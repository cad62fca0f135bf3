package io.grantline.infra.support;

import io.grantline.api.grant.GrantSummary;
import io.grantline.workflow.grant.ProvisioningConnector;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * The test application's provisioning connector: it records like the default one, but refuses grants of entitlements
 * whose id starts with {@code flaky-} while its target system is "down", as a PLC behind a broken link would.
 */
@Component
public class SwitchableConnector implements ProvisioningConnector {

    private final AtomicBoolean targetDown = new AtomicBoolean(true);

    public void targetSystemUp() {
        targetDown.set(false);
    }

    @Override
    public String name() {
        return "test-target";
    }

    @Override
    public void provision(GrantSummary grant) {
        if (targetDown.get() && grant.entitlementId().value().startsWith("flaky-")) {
            throw new IllegalStateException("target system for " + grant.entitlementId().value() + " is unreachable");
        }
    }

    @Override
    public void deprovision(GrantSummary grant) {
        // nothing to undo in the test target
    }
}
