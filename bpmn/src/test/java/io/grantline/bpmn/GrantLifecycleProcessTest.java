package io.grantline.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
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
 * bpmn/grant-lifecycle.bpmn on a real engine, driven as the bridge in {@code workflows/} drives it: started by the
 * AccessGranted message, revoked by the GrantRevoked message; jobs run as the job executor would run them.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/grant-lifecycle.bpmn")
class GrantLifecycleProcessTest {

    private static final Instant GRANTED_AT = Instant.parse("2025-03-14T08:00:00Z");
    private static final Instant EXPIRY_NOTICE_AT = Instant.parse("2025-03-14T15:00:00Z");
    private static final Instant VALID_UNTIL = Instant.parse("2025-03-14T16:00:00Z");
    private static final Duration A_SECOND = Duration.ofSeconds(1);

    ProcessEngine engine;

    private RuntimeService runtimeService;
    private ManagementService managementService;

    private StandIn provisionGrant;
    private StandIn expireGrant;
    private StandIn sendExpiryNotice;
    private StandIn deprovisionGrant;

    @BeforeEach
    void standInForTheDelegates() {
        BpmnAwareTests.init(engine);
        runtimeService = engine.getRuntimeService();
        managementService = engine.getManagementService();
        EngineClock.setNow(GRANTED_AT);

        provisionGrant = StandIn.register("provisionGrant", "grantId")
                .doing(execution -> execution.setVariable("stillActive", true));
        expireGrant = StandIn.register("expireGrant", "grantId");
        sendExpiryNotice = StandIn.register("sendExpiryNotice", "grantId");
        deprovisionGrant = StandIn.register("deprovisionGrant", "grantId");
    }

    @AfterEach
    void resetStandInsAndClock() {
        Mocks.reset();
        EngineClock.reset();
    }

    @Test
    void provisioningRunsAsAJobAndTheGrantThenWaitsAsActive() {
        ProcessInstance grant = grantAccess("grant-1", VALID_UNTIL.toString());

        assertThat(grant).isWaitingAtExactly("provision");
        assertThat(provisionGrant.wasCalled()).as("not inside the transaction that granted").isFalse();

        executeJobOf(grant, "provision");

        assertThat(provisionGrant.seen("grantId")).containsExactly("grant-1");
        assertThat(grant).isWaitingAtExactly("active");
    }

    @Test
    void grantExpiresAtValidUntilAndIsDeprovisioned() {
        ProcessInstance grant = provisionedGrant("grant-2");

        EngineClock.setNow(VALID_UNTIL.minus(A_SECOND));
        assertThat(jobOf(grant, "expires").getDuedate().toInstant()).isEqualTo(VALID_UNTIL);
        assertThat(dueJobCount(grant)).as("only the expiry notice is due before validUntil").isEqualTo(1);

        EngineClock.setNow(VALID_UNTIL.plus(A_SECOND));
        executeJobOf(grant, "expires");

        assertThat(expireGrant.seen("grantId")).containsExactly("grant-2");
        assertThat(grant).isWaitingAtExactly("deprovision");
        assertThat(deprovisionGrant.wasCalled()).isFalse();

        executeJobOf(grant, "deprovision");

        assertThat(deprovisionGrant.seen("grantId")).containsExactly("grant-2");
        assertThat(grant).hasPassed("expires", "expireGrant", "deprovision", "ended").isEnded();
    }

    @Test
    void aGrantExtendedMeanwhileWaitsAgainWithTimersForItsNewEnd() {
        Instant extendedUntil = VALID_UNTIL.plus(Duration.ofHours(6));
        Instant newNotice = extendedUntil.minus(Duration.ofHours(1));
        expireGrant.doing(execution -> {
            // as the aggregate answers when an extension moved the end after the timer was set
            execution.setVariable("extended", true);
            execution.setVariable("validUntil", extendedUntil.toString());
            execution.setVariable("expiryNoticeAt", newNotice.toString());
        });
        ProcessInstance grant = provisionedGrant("grant-8");

        EngineClock.setNow(VALID_UNTIL.plus(A_SECOND));
        executeJobOf(grant, "expires");

        assertThat(grant).hasPassed("expireGrant", "extendedGateway").isWaitingAtExactly("active");
        assertThat(jobOf(grant, "expires").getDuedate().toInstant()).isEqualTo(extendedUntil);
        assertThat(jobOf(grant, "expiryNotice").getDuedate().toInstant()).isEqualTo(newNotice);
        assertThat(deprovisionGrant.wasCalled()).isFalse();

        // the new end comes, and nothing moved it again: the grant ends
        expireGrant.doing(execution -> execution.setVariable("extended", false));
        EngineClock.setNow(extendedUntil.plus(A_SECOND));
        executeJobOf(grant, "expires");
        assertThat(grant).isWaitingAtExactly("deprovision");
    }

    @Test
    void anExtensionTellsTheTargetTheNewEndAtOnceAndTheGrantWaitsOn() {
        StandIn provisionNewEnd = StandIn.register("provisionNewEnd", "grantId");
        ProcessInstance grant = provisionedGrant("grant-9");
        Instant expiresAt = jobOf(grant, "expires").getDuedate().toInstant();

        runtimeService.createMessageCorrelation("GrantExtended").processInstanceBusinessKey("grant-9").correlateAll();

        assertThat(provisionNewEnd.wasCalled()).as("not inside the transaction that correlated").isFalse();
        executeJobOf(grant, "provisionNewEnd");
        assertThat(provisionNewEnd.seen("grantId")).containsExactly("grant-9");
        assertThat(grant).isWaitingAtExactly("active");
        assertThat(jobOf(grant, "expires").getDuedate().toInstant()).as("the timers move when the old end comes").isEqualTo(expiresAt);
        assertThat(deprovisionGrant.wasCalled()).isFalse();
    }

    @Test
    void revokedGrantIsDeprovisionedBeforeItExpires() {
        ProcessInstance grant = provisionedGrant("grant-3");

        runtimeService.createMessageCorrelation("GrantRevoked")
                .processInstanceBusinessKey("grant-3")
                .correlate();

        assertThat(grant).isWaitingAtExactly("deprovision");
        executeJobOf(grant, "deprovision");

        assertThat(grant).hasPassed("deprovision", "ended").hasNotPassed("expireGrant").isEnded();
        assertThat(deprovisionGrant.callCount()).isEqualTo(1);
        assertThat(expireGrant.wasCalled()).isFalse();
        assertThat(managementService.createJobQuery().processInstanceId(grant.getId()).count())
                .as("no timer outlives the grant").isZero();
    }

    @Test
    void expiryNoticeIsSentAtExpiryNoticeAtAndTheGrantStaysActive() {
        ProcessInstance grant = provisionedGrant("grant-4");

        EngineClock.setNow(EXPIRY_NOTICE_AT.minus(A_SECOND));
        assertThat(executeDueJobs(grant)).isZero();

        EngineClock.setNow(EXPIRY_NOTICE_AT.plus(A_SECOND));
        executeDueJobs(grant);

        assertThat(sendExpiryNotice.seen("grantId")).containsExactly("grant-4");
        assertThat(grant).hasPassed("expiryNotice", "expiryNoticeSent").isWaitingAtExactly("active");
        assertThat(expireGrant.wasCalled()).isFalse();
        assertThat(jobOf(grant, "expires")).as("the grant still expires at validUntil").isNotNull();
    }

    @Test
    void failingProvisioningIsRetriedThenBecomesAnIncidentThatARetryRecovers() {
        provisionGrant.doing(execution -> {
            throw new IllegalStateException("connector unreachable");
        });
        ProcessInstance grant = grantAccess("grant-5", VALID_UNTIL.toString());
        String jobId = jobOf(grant, "provision").getId();

        for (int retriesLeft = 2; retriesLeft >= 0; retriesLeft--) {
            assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining("connector unreachable");
            Job job = jobOf(grant, "provision");
            assertThat(job.getRetries()).isEqualTo(retriesLeft);
            if (retriesLeft > 0) {
                assertThat(job.getDuedate().toInstant()).as("retried ten seconds later")
                        .isEqualTo(GRANTED_AT.plusSeconds(10));
                assertThat(incidents(grant)).isZero();
            }
        }
        assertThat(provisionGrant.callCount()).isEqualTo(3);
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(grant.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("provision");
        assertThat(incident.getIncidentMessage()).contains("connector unreachable");
        assertThat(grant).isWaitingAtExactly("provision");

        // the connector is back; an operator presses "Retry" in Cockpit
        provisionGrant.doing(execution -> execution.setVariable("stillActive", true));
        managementService.setJobRetries(jobId, 1);
        managementService.executeJob(jobId);

        assertThat(grant).isWaitingAtExactly("active");
        assertThat(incidents(grant)).isZero();
    }

    @Test
    void grantNoLongerActiveAtProvisioningGoesStraightToDeprovisioning() {
        provisionGrant.doing(execution -> execution.setVariable("stillActive", false));
        ProcessInstance grant = grantAccess("grant-6", VALID_UNTIL.toString());

        executeJobOf(grant, "provision");

        assertThat(grant).isWaitingAtExactly("deprovision");
        executeJobOf(grant, "deprovision");

        assertThat(grant).hasPassed("provision", "deprovision", "ended").hasNotPassed("active").isEnded();
        assertThat(deprovisionGrant.seen("grantId")).containsExactly("grant-6");
    }

    @Test
    void timersAcceptInstantsWithFractionsOfASecondAsInstantToStringWritesThem() {
        Instant validUntil = VALID_UNTIL.plusNanos(123_456_000);
        ProcessInstance grant = grantAccess("grant-7", validUntil.toString());
        executeJobOf(grant, "provision");

        assertThat(jobOf(grant, "expires").getDuedate().toInstant()).isEqualTo(VALID_UNTIL.plusMillis(123));
    }

    /** As the bridge does on AccessGranted: by key, at the model's only start event. */
    private ProcessInstance grantAccess(String grantId, String validUntil) {
        return runtimeService.startProcessInstanceByKey("grant-lifecycle", grantId, Variables.createVariables()
                .putValue("grantId", grantId)
                .putValue("validUntil", validUntil)
                .putValue("expiryNoticeAt", EXPIRY_NOTICE_AT.toString()));
    }

    private ProcessInstance provisionedGrant(String grantId) {
        ProcessInstance grant = grantAccess(grantId, VALID_UNTIL.toString());
        executeJobOf(grant, "provision");
        assertThat(grant).isWaitingAtExactly("active");
        return grant;
    }

    private Job jobOf(ProcessInstance grant, String activityId) {
        return managementService.createJobQuery()
                .processInstanceId(grant.getId())
                .activityId(activityId)
                .singleResult();
    }

    private void executeJobOf(ProcessInstance grant, String activityId) {
        managementService.executeJob(jobOf(grant, activityId).getId());
    }

    private long dueJobCount(ProcessInstance grant) {
        return managementService.createJobQuery().processInstanceId(grant.getId()).executable().count();
    }

    private int executeDueJobs(ProcessInstance grant) {
        return EngineClock.executeDueJobs(managementService, grant.getId());
    }

    private long incidents(ProcessInstance grant) {
        return runtimeService.createIncidentQuery().processInstanceId(grant.getId()).count();
    }
}
