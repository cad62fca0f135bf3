package io.grantline.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
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
 * bpmn/recertification.bpmn on a real engine: the quarterly timer start (fired by moving the engine clock), the
 * launch by message as the bridge sends it, the snapshot as a retried job, and the wait for the campaign to close.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/recertification.bpmn")
class RecertificationProcessTest {

    private static final String QUARTERLY = "0 0 0 1 1,4,7,10 ?";
    private static final Instant MID_MARCH = Instant.parse("2026-03-14T10:00:00Z");

    ProcessEngine engine;

    private RuntimeService runtimeService;
    private ManagementService managementService;
    private StandIn launchScheduledCampaign;
    private StandIn assignReviews;

    @BeforeEach
    void standInForTheDelegates() {
        BpmnAwareTests.init(engine);
        runtimeService = engine.getRuntimeService();
        managementService = engine.getManagementService();
        // the timer start is scheduled when the model is deployed, which happens after this method
        EngineClock.setNow(MID_MARCH);
        Mocks.register("recertificationSchedule", Map.of("cycle", QUARTERLY));
        launchScheduledCampaign = StandIn.register("launchScheduledCampaign").doing(execution -> {
            execution.setVariable("campaignId", "scheduled-1");
            execution.setVariable("dueAt", "2026-04-22T00:00:00Z");
            execution.setProcessBusinessKey("scheduled-1");
        });
        assignReviews = StandIn.register("assignReviews", "campaignId");
    }

    @AfterEach
    void resetStandInsAndClock() {
        Mocks.reset();
        EngineClock.reset();
    }

    @Test
    void theQuarterlyTimerLaunchesACampaignOnTheFirstDayOfTheQuarter() {
        Job timer = managementService.createJobQuery().processDefinitionKey("recertification").timers().singleResult();
        Instant firstOfApril = ZonedDateTime.of(2026, 4, 1, 0, 0, 0, 0, ZoneId.systemDefault()).toInstant();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(firstOfApril);

        EngineClock.setNow(firstOfApril.minusSeconds(1));
        assertThat(managementService.createJobQuery().processDefinitionKey("recertification").executable().count()).isZero();

        EngineClock.setNow(firstOfApril.plusSeconds(1));
        managementService.executeJob(timer.getId());

        assertThat(launchScheduledCampaign.callCount()).isEqualTo(1);
        ProcessInstance campaign = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("scheduled-1").singleResult();
        assertThat(campaign).as("the campaign's id is its business key, so the bridge starts no second one").isNotNull();
        assertThat(campaign).isWaitingAtExactly("snapshot");
        Job next = managementService.createJobQuery().processDefinitionKey("recertification").timers().singleResult();
        assertThat(next.getDuedate().toInstant()).as("the next quarter is scheduled")
                .isEqualTo(ZonedDateTime.of(2026, 7, 1, 0, 0, 0, 0, ZoneId.systemDefault()).toInstant());

        executeJobOf(campaign, "snapshot");
        assertThat(assignReviews.seen("campaignId")).containsExactly("scheduled-1");
        assertThat(campaign).isWaitingAtExactly("open");
    }

    @Test
    void aLaunchedCampaignTakesItsSnapshotAsARetriedJobAndEndsWhenItCloses() {
        ProcessInstance campaign = launch("2026-q2-plant-a");

        assertThat(campaign).isWaitingAtExactly("snapshot");
        assertThat(assignReviews.wasCalled()).as("not inside the transaction that launched").isFalse();
        executeJobOf(campaign, "snapshot");
        assertThat(assignReviews.seen("campaignId")).containsExactly("2026-q2-plant-a");
        assertThat(launchScheduledCampaign.wasCalled()).isFalse();
        assertThat(campaign).isWaitingAtExactly("open");

        runtimeService.createMessageCorrelation("CampaignClosed").processInstanceBusinessKey("2026-q2-plant-a").correlate();

        assertThat(campaign).hasPassed("snapshot", "open", "closed").isEnded();
    }

    @Test
    void aFailingSnapshotIsRetriedAMinuteLaterThenBecomesAnIncident() {
        assignReviews.doing(execution -> {
            throw new IllegalStateException("database unavailable");
        });
        ProcessInstance campaign = launch("2026-q2-plant-b");
        Job job = jobOf(campaign, "snapshot");

        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                managementService.executeJob(job.getId());
            } catch (RuntimeException expected) {
                // the job executor would log it and retry
            }
        }

        assertThat(assignReviews.callCount()).isEqualTo(3);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(campaign.getId()).singleResult().getActivityId())
                .isEqualTo("snapshot");
    }

    private ProcessInstance launch(String campaignId) {
        return runtimeService.createMessageCorrelation("CampaignLaunched")
                .processInstanceBusinessKey(campaignId)
                .setVariables(Variables.createVariables().putValue("campaignId", campaignId).putValue("dueAt", "2026-07-01T00:00:00Z"))
                .correlateStartMessage();
    }

    private Job jobOf(ProcessInstance instance, String activityId) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    private void executeJobOf(ProcessInstance instance, String activityId) {
        managementService.executeJob(jobOf(instance, activityId).getId());
    }
}
