package io.grantline.workflow.settings;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the grant-lifecycle process.
 *
 * @param expiryNotice how long before a grant ends its beneficiary is told
 */
@ConfigurationProperties("grantline.grant")
public record GrantSettings(@DefaultValue("P1D") Duration expiryNotice) {

    /** The notice goes out {@code expiry-notice} before the end, or half-way through a grant shorter than twice that. */
    public Instant expiryNoticeAt(Instant from, Instant until) {
        Duration half = Duration.between(from, until).dividedBy(2);
        return until.minus(expiryNotice.compareTo(half) < 0 ? expiryNotice : half);
    }
}
