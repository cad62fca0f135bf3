package io.grantline.command.request;

import java.time.Duration;

/**
 * Site settings the request rules depend on.
 *
 * @param minimumDuration       shortest grant a request may ask for ({@code grantline.policy.minimum-duration})
 * @param reauthenticationMaxAge how recent a sign-in must be to count as re-authentication
 *                              ({@code grantline.approval.reauthentication-max-age})
 */
public record RequestPolicy(Duration minimumDuration, Duration reauthenticationMaxAge) {
}
