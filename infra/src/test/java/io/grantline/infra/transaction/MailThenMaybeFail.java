package io.grantline.infra.transaction;

import io.grantline.workflow.mail.Mail;
import io.grantline.workflow.mail.MailOutbox;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The mail probe's service task: mails as every process step does, then fails if asked to. */
@Component("mailThenMaybeFail")
class MailThenMaybeFail implements JavaDelegate {

    private final MailOutbox outbox;

    MailThenMaybeFail(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String subject = (String) execution.getVariable("subject");
        int times = execution.getVariable("times") instanceof Number count ? count.intValue() : 1;
        for (int i = 0; i < times; i++) {
            // the same key each time: a step that queues one mail twice sends it once
            outbox.enqueue("probe/" + subject, new Mail("probe@plant.example", subject, "probe", "<p>probe</p>"));
        }
        if (Boolean.TRUE.equals(execution.getVariable("fail"))) {
            throw new IllegalStateException("the step failed after it mailed");
        }
    }
}
