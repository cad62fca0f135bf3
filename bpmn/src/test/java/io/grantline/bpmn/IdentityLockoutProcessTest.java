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
 * bpmn/identity-lockout.bpmn, the kill switch, on a real engine: started as the bridge starts it, it does nothing in the
 * bridge's transaction; its jobs revoke the identity's grants, then move the stages it could decide; a revocation that
 * keeps failing stays an incident on that step, before any stage moves.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/identity-lockout.bpmn")
class IdentityLockoutProcessTest {

    ProcessEngine engine;

    private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

    private StandIn revokeGrants;
    private StandIn moveOpenStages;
    private StandIn announceOwnerTransfer;
    private StandIn suspendUnownedIdentities;

    @BeforeEach
    void standInForTheDelegates() {
        BpmnAwareTests.init(engine);
        EngineClock.setNow(NOW);
        revokeGrants = StandIn.register("revokeGrantsOfIdentity", "identityId", "endReason");
        moveOpenStages = StandIn.register("moveOpenStagesOfIdentity", "identityId");
        // as the delegate does: the identities it owns, and when they must have a new owner (here: none)
        announceOwnerTransfer = StandIn.register("announceOwnerTransfer", "identityId", "endReason")
                .doing(execution -> execution.setVariable("ownedIdentities", 0));
        suspendUnownedIdentities = StandIn.register("suspendUnownedIdentities", "identityId");
    }

    @AfterEach
    void resetStandIns() {
        Mocks.reset();
        EngineClock.reset();
    }

    @Test
    void aCompromiseRevokesThenMovesTheStagesInJobsOfTheirOwn() {
        ProcessInstance lockout = lockOut("event-1", "olga", "COMPROMISED");

        assertThat(lockout).as("the bridge's transaction ends before any step runs").isWaitingAt("revokeGrants");
        assertThat(revokeGrants.wasCalled()).isFalse();

        EngineClock.executeDueJobs(engine.getManagementService(), lockout.getId());

        assertThat(revokeGrants.seen("identityId")).containsExactly("olga");
        assertThat(revokeGrants.seen("endReason")).containsExactly("COMPROMISED");
        assertThat(moveOpenStages.seen("identityId")).containsExactly("olga");
        assertThat(announceOwnerTransfer.seen("endReason")).containsExactly("COMPROMISED");
        assertThat(lockout).as("nothing of hers to hand over").hasPassedInOrder("revokeGrants", "moveOpenStages",
                "announceOwnerTransfer", "done").isEnded();
        assertThat(suspendUnownedIdentities.wasCalled()).isFalse();
    }

    @Test
    void anOwnersNonHumanIdentitiesWaitForANewOwnerUntilTheDeadlineThenTheStepSuspendsWhatIsLeft() {
        Instant due = NOW.plus(Duration.ofDays(7));
        announceOwnerTransfer.doing(execution -> {
            execution.setVariable("ownedIdentities", 2);
            execution.setVariable("ownerTransferDue", due.toString());
        });
        ProcessInstance lockout = lockOut("event-3", "carl", "DEPARTED");

        EngineClock.executeDueJobs(engine.getManagementService(), lockout.getId());
        assertThat(lockout).as("the owners' week").isWaitingAt("ownerTransferDue");
        EngineClock.setNow(due.minusSeconds(60));
        EngineClock.executeDueJobs(engine.getManagementService(), lockout.getId());
        assertThat(suspendUnownedIdentities.wasCalled()).as("not before the deadline").isFalse();

        EngineClock.setNow(due.plusSeconds(1));
        EngineClock.executeDueJobs(engine.getManagementService(), lockout.getId());

        assertThat(suspendUnownedIdentities.seen("identityId")).containsExactly("carl");
        assertThat(lockout).hasPassedInOrder("announceOwnerTransfer", "ownerTransferDue", "suspendUnownedIdentities", "handedOver")
                .isEnded();
    }

    @Test
    void aRevocationThatKeepsFailingHoldsTheLockoutAtThatStep() {
        revokeGrants.doing(execution -> {
            throw new IllegalStateException("event store unreachable");
        });
        ProcessInstance lockout = lockOut("event-2", "bob", "DEPARTED");

        // R10/PT5S: ten attempts, each failing, then an incident (executing the job by id skips the 5 s waits)
        var management = engine.getManagementService();
        for (var job = management.createJobQuery().processInstanceId(lockout.getId()).withRetriesLeft().singleResult(); job != null;
             job = management.createJobQuery().processInstanceId(lockout.getId()).withRetriesLeft().singleResult()) {
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException expected) {
                // the step failed again
            }
        }
        assertThat(revokeGrants.callCount()).isEqualTo(10);

        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(lockout.getId()).singleResult().getActivityId())
                .isEqualTo("revokeGrants");
        assertThat(moveOpenStages.wasCalled()).isFalse();
    }

    private ProcessInstance lockOut(String eventId, String identityId, String endReason) {
        return engine.getRuntimeService().createMessageCorrelation("IdentityLockedOut").processInstanceBusinessKey(eventId)
                .setVariables(Variables.createVariables().putValue("identityId", identityId).putValue("endReason", endReason)
                        .putValue("comment", "test"))
                .correlateStartMessage();
    }
}
