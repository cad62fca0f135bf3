package io.grantline.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * bpmn/external-access.bpmn on a real engine: started as the bridge starts it, it waits for the notice, tells the
 * sponsor, waits for the end and ends the sponsorship, each step in a job of its own, nothing before its time.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/external-access.bpmn")
class ExternalAccessProcessTest {

    private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    private static final Instant NOTICE = NOW.plus(Duration.ofDays(29));
    private static final Instant ENDS = NOW.plus(Duration.ofDays(30));

    ProcessEngine engine;

    private StandIn notifySponsor;
    private StandIn endSponsorship;

    @BeforeEach
    void standInForTheDelegates() {
        BpmnAwareTests.init(engine);
        EngineClock.setNow(NOW);
        notifySponsor = StandIn.register("notifySponsor", "identityId", "endsAt");
        endSponsorship = StandIn.register("endSponsorship", "identityId", "endsAt");
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        EngineClock.reset();
    }

    @Test
    void theSponsorIsToldAtTheNoticeAndTheSponsorshipEndsAtItsEnd() {
        ProcessInstance sponsorship = engine.getRuntimeService().createMessageCorrelation("SponsorAssigned")
                .processInstanceBusinessKey("event-1")
                .setVariables(Variables.createVariables().putValue("identityId", "kai").putValue("endsAt", ENDS.toString())
                        .putValue("noticeAt", NOTICE.toString()))
                .correlateStartMessage();
        var management = engine.getManagementService();

        EngineClock.executeDueJobs(management, sponsorship.getId());
        assertThat(sponsorship).isWaitingAt("noticeDue", "sponsorshipEnds");

        EngineClock.setNow(NOTICE.plusSeconds(1));
        EngineClock.executeDueJobs(management, sponsorship.getId());
        assertThat(notifySponsor.seen("identityId")).containsExactly("kai");
        assertThat(sponsorship).isWaitingAt("sponsorshipEnds").hasPassed("noticeSent");
        assertThat(endSponsorship.wasCalled()).as("not before the end").isFalse();

        EngineClock.setNow(ENDS.plusSeconds(1));
        EngineClock.executeDueJobs(management, sponsorship.getId());
        assertThat(endSponsorship.seen("endsAt")).containsExactly(ENDS.toString());
        assertThat(sponsorship).hasPassed("notifySponsor", "noticeSent", "endSponsorship", "ended").isEnded();
    }

    @Test
    void aNoticeThatCannotBeSentNeverHoldsUpTheEnd() {
        notifySponsor.doing(execution -> {
            throw new IllegalStateException("mail outbox unreachable");
        });
        ProcessInstance sponsorship = engine.getRuntimeService().createMessageCorrelation("SponsorAssigned")
                .processInstanceBusinessKey("event-2")
                .setVariables(Variables.createVariables().putValue("identityId", "kai").putValue("endsAt", ENDS.toString())
                        .putValue("noticeAt", NOTICE.toString()))
                .correlateStartMessage();
        var management = engine.getManagementService();

        // R5/PT1M: five attempts, each failing, then an incident (executing a job by id skips the minute between them)
        EngineClock.setNow(ENDS.plusSeconds(1));
        for (var job = management.createJobQuery().processInstanceId(sponsorship.getId()).withRetriesLeft().listPage(0, 1);
             !job.isEmpty(); job = management.createJobQuery().processInstanceId(sponsorship.getId()).withRetriesLeft().listPage(0, 1)) {
            try {
                management.executeJob(job.get(0).getId());
            } catch (RuntimeException failed) {
                // the notice failed again
            }
        }

        assertThat(endSponsorship.seen("endsAt")).as("the end came all the same").containsExactly(ENDS.toString());
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(sponsorship.getId()).singleResult().getActivityId())
                .isEqualTo("notifySponsor");
    }
}
