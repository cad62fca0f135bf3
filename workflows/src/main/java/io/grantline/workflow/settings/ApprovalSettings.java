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
 */
@ConfigurationProperties("grantline.approval")
public record ApprovalSettings(@DefaultValue("P1D") Duration remindAfter, @DefaultValue("P3D") Duration escalateAfter,
                               @DefaultValue("P7D") Duration timeOutAfter) {
}
