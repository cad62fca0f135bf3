package io.grantline.command.request;

import java.time.Duration;

/**
 * Site settings the request rules depend on.
 *
 * @param minimumDuration shortest grant a request may ask for ({@code grantline.policy.minimum-duration})
 */
public record RequestPolicy(Duration minimumDuration) {
}
