package io.grantline.workflow.settings;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the grant-lifecycle process.
 *
 * @param expiryNotice how long before a grant ends its beneficiary is told
 */
@ConfigurationProperties("grantline.grant")
public record GrantSettings(@DefaultValue("P1D") Duration expiryNotice) {
}
