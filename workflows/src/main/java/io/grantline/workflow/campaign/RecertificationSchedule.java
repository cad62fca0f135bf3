package io.grantline.workflow.campaign;

import io.grantline.workflow.settings.RecertificationSettings;
import org.springframework.stereotype.Component;

/**
 * The timers of the recertification models read their settings here ({@code ${recertificationSchedule.cycle}}, ...),
 * so a review process instance holds no copy of them: fewer variables for each of thousands of instances.
 */
@Component("recertificationSchedule")
public class RecertificationSchedule {

    private final RecertificationSettings settings;

    RecertificationSchedule(RecertificationSettings settings) {
        this.settings = settings;
    }

    public String getCycle() {
        return settings.cycle();
    }

    /** A reminder every {@code remind-every}, as an ISO repeating interval. */
    public String getRemindCycle() {
        return "R/" + settings.remindEvery();
    }

    public String getEscalateAfter() {
        return settings.escalateAfter().toString();
    }
}
