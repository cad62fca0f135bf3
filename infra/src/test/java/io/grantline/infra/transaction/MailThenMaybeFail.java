package io.grantline.infra.transaction;

import io.grantline.workflow.mail.ProcessMail;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The mail probe's service task: mails as every process step does, then fails if asked to. */
@Component("mailThenMaybeFail")
class MailThenMaybeFail implements JavaDelegate {

    private final ProcessMail mail;

    MailThenMaybeFail(ProcessMail mail) {
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String subject = (String) execution.getVariable("subject");
        mail.sendAfterCommit(new ProcessMail.Mail("probe@plant.example", subject, "probe", "<p>probe</p>"));
        if (Boolean.TRUE.equals(execution.getVariable("fail"))) {
            throw new IllegalStateException("the step failed after it mailed");
        }
    }
}
