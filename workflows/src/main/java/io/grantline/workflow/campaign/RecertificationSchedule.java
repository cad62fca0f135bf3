package io.grantline.workflow.campaign;

import io.grantline.workflow.settings.RecertificationSettings;
import org.springframework.stereotype.Component;

/** The quarterly timer of bpmn/recertification.bpmn reads its cycle here: {@code ${recertificationSchedule.cycle}}. */
@Component("recertificationSchedule")
public class RecertificationSchedule {

    private final RecertificationSettings settings;

    RecertificationSchedule(RecertificationSettings settings) {
        this.settings = settings;
    }

    public String getCycle() {
        return settings.cycle();
    }
}
