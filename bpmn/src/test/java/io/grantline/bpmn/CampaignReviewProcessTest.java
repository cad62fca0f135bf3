package io.grantline.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
 * bpmn/campaign-review.bpmn on a real engine, one instance per reviewer as the bridge starts it: the digest as a
 * queued job, reminders every remind-every, escalation, and the due date, all fired by moving the engine clock.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/campaign-review.bpmn")
class CampaignReviewProcessTest {

    private static final Instant OPENED = Instant.parse("2026-04-01T06:00:00Z");
    private static final Instant DUE = OPENED.plus(Duration.ofDays(20));
    private static final Duration A_SECOND = Duration.ofSeconds(1);

    ProcessEngine engine;

    private RuntimeService runtimeService;
    private ManagementService managementService;
    private TaskService taskService;
    private StandIn sendReviewDigest;
    private StandIn remindReviewer;
    private StandIn escalateReview;
    private StandIn closeReview;

    @BeforeEach
    void standInForTheDelegates() {
        BpmnAwareTests.init(engine);
        runtimeService = engine.getRuntimeService();
        managementService = engine.getManagementService();
        taskService = engine.getTaskService();
        EngineClock.setNow(OPENED);
        Mocks.register("recertificationSchedule", Map.of("remindCycle", "R/P7D", "escalateAfter", "P10D"));
        sendReviewDigest = StandIn.register("sendReviewDigest", "reviewId");
        remindReviewer = StandIn.register("remindReviewer", "reviewId");
        escalateReview = StandIn.register("escalateReview", "reviewId");
        closeReview = StandIn.register("closeReview", "reviewId");
    }

    @AfterEach
    void resetStandInsAndClock() {
        Mocks.reset();
        EngineClock.reset();
    }

    @Test
    void theReviewTaskOpensAtOnceWithItsDigestQueuedBesideIt() {
        ProcessInstance review = open("2026-q2.r0");

        assertThat(review).isWaitingAtExactly("sendDigest", "review");
        assertThat(taskService.createTaskQuery().processInstanceId(review.getId()).count()).as("one task for the whole review")
                .isEqualTo(1);
        assertThat(sendReviewDigest.wasCalled()).as("queued, not sent inside the transaction that started the review").isFalse();
        executeJobOf(review, "sendDigest");

        assertThat(sendReviewDigest.seen("reviewId")).containsExactly("2026-q2.r0");
        assertThat(review).hasPassed("digestSent").isWaitingAtExactly("review");
    }

    @Test
    void theReviewerIsRemindedEveryRemindEveryUntilTheyFinish() {
        ProcessInstance review = digested("2026-q2.r1");

        EngineClock.setNow(OPENED.plus(Duration.ofDays(7)).minus(A_SECOND));
        assertThat(executeDueJobs(review)).isZero();

        EngineClock.setNow(OPENED.plus(Duration.ofDays(7)).plus(A_SECOND));
        executeDueJobs(review);
        assertThat(remindReviewer.callCount()).isEqualTo(1);

        EngineClock.setNow(OPENED.plus(Duration.ofDays(14)).plus(A_SECOND));
        executeDueJobs(review);
        assertThat(remindReviewer.seen("reviewId")).containsExactly("2026-q2.r1", "2026-q2.r1");
        assertThat(review).isWaitingAt("review");
    }

    @Test
    void anUnansweredReviewIsEscalatedOnceAndStaysOpenForTheManager() {
        ProcessInstance review = digested("2026-q2.r2");

        EngineClock.setNow(OPENED.plus(Duration.ofDays(10)).plus(A_SECOND));
        executeDueJobs(review);

        assertThat(escalateReview.seen("reviewId")).containsExactly("2026-q2.r2");
        assertThat(review).hasPassed("escalated").isWaitingAt("review");

        EngineClock.setNow(OPENED.plus(Duration.ofDays(19)));
        executeDueJobs(review);
        assertThat(escalateReview.callCount()).as("escalated once").isEqualTo(1);
    }

    @Test
    void atTheDueDateTheReviewClosesByPolicyAsARetriedJobAndNoTimerOutlivesIt() {
        ProcessInstance review = digested("2026-q2.r3");

        EngineClock.setNow(DUE.minus(A_SECOND));
        executeDueJobs(review);
        assertThat(closeReview.wasCalled()).isFalse();

        EngineClock.setNow(DUE.plus(A_SECOND));
        executeDueJobs(review);

        assertThat(closeReview.seen("reviewId")).containsExactly("2026-q2.r3");
        assertThat(review).hasPassed("due", "closeReview", "closedAtDueDate").hasNotPassed("reviewed").isEnded();
        assertThat(managementService.createJobQuery().processInstanceId(review.getId()).count()).isZero();
    }

    @Test
    void aReviewWhoseEveryItemIsDecidedEndsAtOnce() {
        ProcessInstance review = digested("2026-q2.r4");

        // what the bridge does when the Review aggregate records ReviewClosed
        taskService.complete(taskService.createTaskQuery().processInstanceId(review.getId()).singleResult().getId());

        assertThat(review).hasPassed("reviewed").hasNotPassed("closeReview").isEnded();
        assertThat(managementService.createJobQuery().processInstanceId(review.getId()).count()).isZero();
        assertThat(remindReviewer.wasCalled()).isFalse();
    }

    private ProcessInstance open(String reviewId) {
        return runtimeService.createMessageCorrelation("ReviewOpened")
                .processInstanceBusinessKey(reviewId)
                .setVariables(Variables.createVariables()
                        .putValue("reviewId", reviewId)
                        .putValue("dueAt", DUE.toString()))
                .correlateStartMessage();
    }

    private ProcessInstance digested(String reviewId) {
        ProcessInstance review = open(reviewId);
        executeJobOf(review, "sendDigest");
        return review;
    }

    private void executeJobOf(ProcessInstance instance, String activityId) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
                .activityId(activityId).singleResult().getId());
    }

    private int executeDueJobs(ProcessInstance instance) {
        return EngineClock.executeDueJobs(managementService, instance.getId());
    }
}
