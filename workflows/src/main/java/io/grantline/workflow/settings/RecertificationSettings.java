package io.grantline.workflow.settings;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the recertification processes.
 *
 * @param cycle         when campaigns launch by themselves (a Camunda cron: seconds minutes hours day-of-month month
 *                      day-of-week); quarterly by default. Read when the process model is deployed.
 * @param remindEvery   how often a reviewer with open items is reminded
 * @param escalateAfter an unfinished review moves to the reviewer's manager after this long
 * @param reviewPeriod  how long a scheduled campaign runs before its due date
 */
@ConfigurationProperties("grantline.recertification")
public record RecertificationSettings(@DefaultValue("0 0 0 1 1,4,7,10 ?") String cycle, @DefaultValue("P7D") Duration remindEvery,
                                      @DefaultValue("P10D") Duration escalateAfter, @DefaultValue("P21D") Duration reviewPeriod) {
}
