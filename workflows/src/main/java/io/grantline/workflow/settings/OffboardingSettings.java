package io.grantline.workflow.settings;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of offboarding (the identity-lockout process).
 *
 * @param ownerTransferWithin how long a departed, compromised or suspended owner's non-human identities may stay
 *                            without an active owner before they are suspended
 */
@ConfigurationProperties("grantline.offboarding")
public record OffboardingSettings(@DefaultValue("P7D") Duration ownerTransferWithin) {
}
