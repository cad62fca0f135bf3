package io.grantline.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
 * bpmn/access-request.bpmn on a real engine, driven as the bridge in {@code workflows/} drives it: started by the
 * ApprovalPolicyApplied message with the policy's stage names, decided by completing {@code decide}, cancelled by the
 * AccessRequestCancelled message.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/access-request.bpmn")
class AccessRequestProcessTest {

    private static final Instant REQUESTED_AT = Instant.parse("2025-03-14T08:00:00Z");
    private static final Duration REMIND_AFTER = Duration.ofHours(24);
    private static final Duration ESCALATE_AFTER = Duration.ofDays(3);
    private static final Duration TIME_OUT_AFTER = Duration.ofDays(7);
    private static final Duration A_MINUTE = Duration.ofMinutes(1);

    ProcessEngine engine;

    private RuntimeService runtimeService;
    private TaskService taskService;

    private StandIn checkSeparationOfDuties;
    private StandIn openApprovalStage;
    private StandIn notifyApprovers;
    private StandIn remindApprovers;
    private StandIn escalateApprovalStage;
    private StandIn grantAccess;
    private StandIn timeOutAccessRequest;
    private StandIn notifyRequesterOfRejection;
    /** The stage names of the request's policy, which the aggregate would name at each index. */
    private String[] stagesOfRequest = {};

    @BeforeEach
    void standInForTheDelegates() {
        BpmnAwareTests.init(engine);
        runtimeService = engine.getRuntimeService();
        taskService = engine.getTaskService();
        EngineClock.setNow(REQUESTED_AT);
        Mocks.register("approvalSchedule", Map.of("remindAfter", REMIND_AFTER.toString(), "escalateAfter", ESCALATE_AFTER.toString(),
                "timeOutAfter", TIME_OUT_AFTER.toString()));

        checkSeparationOfDuties = StandIn.register("checkSeparationOfDuties", "requestId");
        // as the real step: the aggregate names the stage at the loop's index and routes it
        openApprovalStage = StandIn.register("openApprovalStage", "loopCounter").doing(execution -> {
            execution.setVariableLocal("stage", stagesOfRequest[((Number) execution.getVariable("loopCounter")).intValue()]);
            execution.setVariableLocal("approverIds", "olga");
        });
        notifyApprovers = StandIn.register("notifyApprovers", "stage", "approverIds");
        remindApprovers = StandIn.register("remindApprovers", "stage", "approverIds");
        escalateApprovalStage = StandIn.register("escalateApprovalStage", "stage");
        grantAccess = StandIn.register("grantAccess", "requestId");
        timeOutAccessRequest = StandIn.register("timeOutAccessRequest", "requestId");
        notifyRequesterOfRejection = StandIn.register("notifyRequesterOfRejection", "requestId", "rejectionReason");
    }

    @AfterEach
    void resetStandInsAndClock() {
        Mocks.reset();
        EngineClock.reset();
    }

    @Test
    void lowRiskRequestIsGrantedAfterOneApproval() {
        ProcessInstance request = requestAccess("request-1", "MANAGER");

        assertThat(request).isWaitingAt("decide");
        assertThat(request).task().hasCandidateUser("olga");
        assertThat(openApprovalStage.seen("loopCounter")).containsExactly(0);
        assertThat(notifyApprovers.seen("stage")).containsExactly("MANAGER");
        assertThat(notifyApprovers.seen("approverIds")).containsExactly("olga");

        decide(request, false);

        assertThat(request).hasPassed("checkSeparationOfDuties", "grantAccess").isEnded();
        assertThat(request).hasPassed("accessGranted").hasNotPassed("rejected");
        assertThat(notifyRequesterOfRejection.wasCalled()).isFalse();
        assertThat(grantAccess.seen("requestId")).containsExactly("request-1");
        assertThat(openApprovalStage.callCount()).isEqualTo(1);
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(request.getId()).count())
                .as("no timer outlives the request").isZero();
    }

    @Test
    void criticalRequestPassesManagerResourceOwnerAndOtSecurityInOrder() {
        ProcessInstance request = requestAccess("request-2", "MANAGER", "RESOURCE_OWNER", "OT_SECURITY");

        for (int stage = 0; stage < 3; stage++) {
            assertThat(request).isWaitingAt("decide");
            // the bridge finds a decision's task by this name (StageAssignment.openTaskIds)
            assertThat(decideTask(request).getName()).isEqualTo("Decide on the request, stage " + (stage + 1));
            assertThat(grantAccess.wasCalled()).isFalse();
            decide(request, false);
        }

        assertThat(request).hasPassed("grantAccess").isEnded();
        assertThat(openApprovalStage.seen("loopCounter")).containsExactly(0, 1, 2);
        assertThat(notifyApprovers.seen("stage")).containsExactly("MANAGER", "RESOURCE_OWNER", "OT_SECURITY");
        assertThat(grantAccess.callCount()).isEqualTo(1);
    }

    @Test
    void rejectionAtTheSecondStageEndsTheRequestWithoutAGrantOrAThirdStage() {
        ProcessInstance request = requestAccess("request-3", "MANAGER", "RESOURCE_OWNER", "OT_SECURITY");

        decide(request, false);
        decide(request, true);

        assertThat(request).hasPassed("notifyRequesterOfRejection", "rejected").hasNotPassed("grantAccess").isEnded();
        assertThat(notifyRequesterOfRejection.seen("rejectionReason")).containsExactly("APPROVER_REJECTED");
        assertThat(openApprovalStage.seen("loopCounter")).containsExactly(0, 1);
        assertThat(grantAccess.wasCalled()).isFalse();
    }

    @Test
    void separationOfDutiesConflictRejectsBeforeAnyStageOpens() {
        checkSeparationOfDuties.doing(execution -> rejectFor(execution, "SOD_CONFLICT"));

        ProcessInstance request = requestAccess("request-4", "MANAGER", "RESOURCE_OWNER");

        assertThat(request).hasPassed("notifyRequesterOfRejection", "rejected").hasNotPassed("approvalStages", "grantAccess")
                .isEnded();
        assertThat(notifyRequesterOfRejection.seen("rejectionReason")).containsExactly("SOD_CONFLICT");
        assertThat(openApprovalStage.wasCalled()).isFalse();
        assertThat(grantAccess.wasCalled()).isFalse();
    }

    @Test
    void stageWithNobodyWhoMayDecideRejectsWithoutNotifyingOrWaiting() {
        openApprovalStage.doing(execution -> rejectFor(execution, "NO_APPROVER"));

        ProcessInstance request = requestAccess("request-5", "MANAGER", "RESOURCE_OWNER");

        assertThat(request).hasPassed("openStage", "stageRejected", "rejected")
                .hasNotPassed("notifyApprovers", "decide", "grantAccess").isEnded();
        assertThat(openApprovalStage.seen("loopCounter")).as("the second stage is never opened").containsExactly(0);
        assertThat(notifyApprovers.wasCalled()).isFalse();
    }

    @Test
    void aPolicyWithoutAnyStageIsNeverGranted() {
        ProcessInstance request = requestAccess("request-6");

        assertThat(request).hasPassed("rejected").hasNotPassed("grantAccess").isEnded();
        assertThat(openApprovalStage.wasCalled()).isFalse();
        assertThat(grantAccess.wasCalled()).isFalse();
    }

    @Test
    void aGrantRefusedAfterApprovalEndsRejectedAndTellsTheRequester() {
        grantAccess.doing(execution -> rejectFor(execution, "SOD_CONFLICT"));

        ProcessInstance request = requestAccess("request-11", "MANAGER");
        decide(request, false);

        assertThat(request).hasPassed("grantAccess", "notifyRequesterOfRejection", "rejected").hasNotPassed("accessGranted")
                .isEnded();
        assertThat(notifyRequesterOfRejection.seen("rejectionReason")).containsExactly("SOD_CONFLICT");
    }

    @Test
    void reminderTimerRemindsTheApproversAndTheTaskStays() {
        ProcessInstance request = requestAccess("request-7", "MANAGER");
        Task task = decideTask(request);

        EngineClock.setNow(REQUESTED_AT.plus(REMIND_AFTER).minus(A_MINUTE));
        assertThat(executeDueJobs(request)).as("nothing is due before remindAfter").isZero();

        EngineClock.setNow(REQUESTED_AT.plus(REMIND_AFTER).plus(A_MINUTE));
        executeDueJobs(request);

        assertThat(remindApprovers.seen("approverIds")).containsExactly("olga");
        assertThat(escalateApprovalStage.wasCalled()).isFalse();
        assertThat(request).hasPassed("remind", "reminded").isWaitingAt("decide");
        assertThat(decideTask(request).getId()).isEqualTo(task.getId());
    }

    @Test
    void escalationTimerEscalatesTheStageAndTheTaskStays() {
        ProcessInstance request = requestAccess("request-8", "MANAGER", "RESOURCE_OWNER");
        Task task = decideTask(request);

        EngineClock.setNow(REQUESTED_AT.plus(ESCALATE_AFTER).plus(A_MINUTE));
        executeDueJobs(request);

        assertThat(escalateApprovalStage.seen("stage")).containsExactly("MANAGER");
        assertThat(request).hasPassed("escalate", "escalated").isWaitingAt("decide");
        assertThat(decideTask(request).getId()).isEqualTo(task.getId());

        decide(request, false);
        assertThat(request).as("the escalated stage decides as usual").isWaitingAt("decide");
        assertThat(openApprovalStage.seen("loopCounter")).containsExactly(0, 1);
    }

    @Test
    void undecidedRequestTimesOutAfterTimeOutAfter() {
        ProcessInstance request = requestAccess("request-9", "MANAGER");

        EngineClock.setNow(REQUESTED_AT.plus(TIME_OUT_AFTER).minus(A_MINUTE));
        executeDueJobs(request);
        assertThat(request).isWaitingAt("decide");
        assertThat(timeOutAccessRequest.wasCalled()).isFalse();

        EngineClock.setNow(REQUESTED_AT.plus(TIME_OUT_AFTER).plus(A_MINUTE));
        executeDueJobs(request);

        assertThat(timeOutAccessRequest.seen("requestId")).containsExactly("request-9");
        assertThat(request).hasPassed("timeOutAccessRequest", "timedOut").hasNotPassed("grantAccess").isEnded();
        assertThat(taskService.createTaskQuery().processInstanceId(request.getId()).count()).isZero();
    }

    @Test
    void cancellationEndsTheRequestWhileItWaitsForADecision() {
        ProcessInstance request = requestAccess("request-10", "MANAGER", "RESOURCE_OWNER", "OT_SECURITY");
        decide(request, false);

        runtimeService.createMessageCorrelation("AccessRequestCancelled")
                .processInstanceBusinessKey("request-10")
                .correlate();

        assertThat(request).hasPassed("cancelled").hasNotPassed("grantAccess", "rejected").isEnded();
        assertThat(taskService.createTaskQuery().processInstanceId(request.getId()).count()).isZero();
        assertThat(grantAccess.wasCalled()).isFalse();
    }

    /**
     * As the bridge does on ApprovalPolicyApplied (the policy's stage names are the process's routing data), then as
     * the job executor does: the steps behind async continuations run.
     */
    private ProcessInstance requestAccess(String requestId, String... stages) {
        stagesOfRequest = stages;
        ProcessInstance request = runtimeService.startProcessInstanceByKey("access-request", requestId, Variables.createVariables()
                .putValue("requestId", requestId)
                .putValue("stageCount", stages.length)
                .putValue("rejected", false));
        assertThat(request).hasPassed("requested");
        assertThat(request).as("the bridge's transaction ends before any step runs").isWaitingAt("checkSeparationOfDuties");
        assertThat(checkSeparationOfDuties.wasCalled()).isFalse();
        executeDueJobs(request);
        return request;
    }

    /** As the bridge does on ApprovalDecisionRecorded, then the job executor: the next step runs in a job of its own. */
    private void decide(ProcessInstance request, boolean rejected) {
        int stagesOpened = openApprovalStage.callCount();
        int grants = grantAccess.callCount();
        taskService.complete(decideTask(request).getId(), rejected
                ? Map.of("rejected", true, "rejectionReason", "APPROVER_REJECTED") : Map.of("rejected", false));
        assertThat(openApprovalStage.callCount() + grantAccess.callCount())
                .as("the decision's transaction opens no stage and grants nothing").isEqualTo(stagesOpened + grants);
        executeDueJobs(request);
    }

    /** As a delegate does when the aggregate rejected the request. */
    private static void rejectFor(org.camunda.bpm.engine.delegate.DelegateExecution execution, String reason) {
        execution.setVariable("rejected", true);
        execution.setVariable("rejectionReason", reason);
    }

    private Task decideTask(ProcessInstance request) {
        return taskService.createTaskQuery()
                .processInstanceId(request.getId())
                .taskDefinitionKey("decide")
                .singleResult();
    }

    private int executeDueJobs(ProcessInstance request) {
        return EngineClock.executeDueJobs(engine.getManagementService(), request.getId());
    }
}
