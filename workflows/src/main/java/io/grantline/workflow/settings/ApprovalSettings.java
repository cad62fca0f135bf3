package io.grantline.workflow.settings;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timers of the access-request process.
 *
 * @param remindAfter   reminder to an approver who has not answered
 * @param escalateAfter the stage moves to the approvers' managers
 * @param timeOutAfter  the request ends as TIMED_OUT
 * @param reauthenticationMaxAge how recent a sign-in must be to count as re-authentication for a stage that asks for it
 */
@ConfigurationProperties("grantline.approval")
public record ApprovalSettings(@DefaultValue("P1D") Duration remindAfter, @DefaultValue("P3D") Duration escalateAfter,
                               @DefaultValue("P7D") Duration timeOutAfter,
                               @DefaultValue("PT5M") Duration reauthenticationMaxAge) {
}
