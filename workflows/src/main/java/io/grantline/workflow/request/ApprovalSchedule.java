package io.grantline.workflow.request;

import io.grantline.workflow.settings.ApprovalSettings;
import org.springframework.stereotype.Component;

/**
 * The access-request model's timers read their settings here ({@code ${approvalSchedule.remindAfter}}, ...), so a
 * request's process holds no copy of them: three variables fewer to write, keep in the history and delete for every
 * request (docs/benchmarks.md). A process started by an older model version reads the copies it was started with.
 */
@Component("approvalSchedule")
public class ApprovalSchedule {

    private final ApprovalSettings settings;

    ApprovalSchedule(ApprovalSettings settings) {
        this.settings = settings;
    }

    public String getRemindAfter() {
        return settings.remindAfter().toString();
    }

    public String getEscalateAfter() {
        return settings.escalateAfter().toString();
    }

    public String getTimeOutAfter() {
        return settings.timeOutAfter().toString();
    }
}
