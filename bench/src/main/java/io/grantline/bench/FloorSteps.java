package io.grantline.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * The beans Grantline's models call, for {@link EngineFloorBenchmark}: each step does no domain work and sets only the
 * variables the model reads afterwards, as the real delegate would for a request that passes (one MANAGER stage, one
 * approver, no conflict). What a step reports (a stage opened, a grant approved, a grant provisioned) it reports once
 * its transaction has committed, as Grantline's events are seen only after theirs.
 */
final class FloorSteps {

    /** Grantline's defaults (ApprovalSettings): none of these timers fires during a run. */
    public static final class Schedule {
        public String getRemindAfter() {
            return "P1D";
        }

        public String getEscalateAfter() {
            return "P3D";
        }

        public String getTimeOutAfter() {
            return "P7D";
        }
    }

    final AtomicInteger stagesOpened = new AtomicInteger();
    final AtomicInteger provisioned = new AtomicInteger();
    /** Approved requests whose grant-lifecycle the benchmark's bridge thread starts, as ProcessBridge does on AccessGranted. */
    final BlockingQueue<String> approved = new LinkedBlockingQueue<>();

    Map<Object, Object> beans() {
        JavaDelegate nothing = execution -> {
        };
        Map<Object, Object> beans = new HashMap<>();
        beans.put("approvalSchedule", new Schedule());
        for (String name : new String[] {"checkSeparationOfDuties", "notifyApprovers", "remindApprovers", "escalateApprovalStage",
                "timeOutAccessRequest", "notifyRequesterOfRejection", "sendExpiryNotice", "expireGrant", "deprovisionGrant"}) {
            beans.put(name, nothing);
        }
        beans.put("openApprovalStage", (JavaDelegate) execution -> {
            execution.setVariableLocal("stage", "MANAGER");
            execution.setVariableLocal("approverIds", "approver-" + Math.floorMod(execution.getBusinessKey().hashCode(), 8));
            execution.setVariableLocal("decideBy", Instant.now().plus(Duration.ofDays(7)).toString());
            afterCommit(stagesOpened::incrementAndGet);
        });
        beans.put("grantAccess", (JavaDelegate) execution -> {
            String grantId = "grant-of-" + execution.getBusinessKey();
            afterCommit(() -> approved.add(grantId));
        });
        beans.put("provisionGrant", (JavaDelegate) execution -> {
            execution.setVariable("stillActive", true);
            afterCommit(provisioned::incrementAndGet);
        });
        return beans;
    }

    private static void afterCommit(Runnable report) {
        Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED, context -> report.run());
    }
}
