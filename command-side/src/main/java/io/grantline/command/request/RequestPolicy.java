package io.grantline.command.request;

import java.time.Duration;

/**
 * Site settings the request rules depend on.
 *
 * @param minimumDuration       shortest grant a request may ask for ({@code grantline.policy.minimum-duration})
 * @param reauthenticationMaxAge how recent a sign-in must be to count as re-authentication
 *                              ({@code grantline.approval.reauthentication-max-age})
 * @param breakGlass            how often one identity may be given break-glass access
 *                              ({@code grantline.break-glass.per-identity})
 * @param fastApprovalWithin    an approval sooner than this after the approver was asked is flagged
 *                              ({@code grantline.flags.fast-approval-within}; zero: never)
 */
public record RequestPolicy(Duration minimumDuration, Duration reauthenticationMaxAge, BreakGlassAllowance breakGlass,
                            Duration fastApprovalWithin) {

    public static final Duration DEFAULT_FAST_APPROVAL_WITHIN = Duration.ofSeconds(10);

    public RequestPolicy(Duration minimumDuration, Duration reauthenticationMaxAge) {
        this(minimumDuration, reauthenticationMaxAge, BreakGlassAllowance.DEFAULT, DEFAULT_FAST_APPROVAL_WITHIN);
    }
}
