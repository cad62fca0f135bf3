package io.grantline.workflow.request;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.ApprovalStage;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves an open stage's {@code decide} task to the approvers the aggregate named (escalation, an approver who stopped
 * being active) and mails the ones who are new to it, each with a personal link.
 */
@Component
public class StageAssignment {

    /** How often the task has been moved: each move mails its newcomers once, even one the stage comes back to. */
    private static final String ASSIGNMENT_ROUND = "assignmentRound";
    private static final String NAME_WITHOUT_STAGE = "Decide on the request";

    private final TaskService tasks;
    private final ApprovalMails mails;
    private final JdbcClient jdbc;

    StageAssignment(TaskService tasks, ApprovalMails mails, JdbcClient jdbc) {
        this.tasks = tasks;
        this.mails = mails;
        this.jdbc = jdbc;
    }

    /**
     * The ids of every open {@code decide} task of request {@code requestId}'s stage {@code stageIndex}: one SQL query
     * on the engine's task and execution tables, by the process's business key and the task's name, which carries the
     * stage's number (access-request.bpmn). The engine's task query built the same lookup with its generic dynamic SQL,
     * a quarter of the bridge's work for each decision (docs/benchmarks.md). It assumes the engine's default table
     * names (no table prefix), as {@code StartedProcesses} does.
     * <p>
     * A task of a process version from before that name (still open after an upgrade) is found as before, by its
     * stage's loop counter, a variable read per task; that query runs only when the first finds nothing.
     */
    public List<String> openTaskIds(AccessRequestId requestId, int stageIndex) {
        List<String> named = jdbc.sql("""
                        SELECT T.ID_ FROM ACT_RU_TASK T JOIN ACT_RU_EXECUTION P ON P.ID_ = T.PROC_INST_ID_
                        WHERE P.BUSINESS_KEY_ = ? AND T.TASK_DEF_KEY_ = 'decide' AND T.NAME_ = ? AND T.SUSPENSION_STATE_ = 1
                        ORDER BY T.ID_""")
                .param(requestId.value()).param(taskName(stageIndex)).query(String.class).list();
        if (!named.isEmpty()) {
            return named;
        }
        return tasks.createTaskQuery().processInstanceBusinessKey(requestId.value()).taskDefinitionKey("decide").active()
                .taskName(NAME_WITHOUT_STAGE).list().stream()
                .map(Task::getId)
                .filter(taskId -> stageIndex(taskId) == stageIndex).toList();
    }

    /** The {@code decide} task's name in a stage: "stage 1" is the stage at index 0. */
    static String taskName(int stageIndex) {
        return NAME_WITHOUT_STAGE + ", stage " + (stageIndex + 1);
    }

    /** The open {@code decide} tasks that {@code approverId} may answer, whatever the request. */
    public List<Task> openTasksOf(IdentityId approverId) {
        return tasks.createTaskQuery().taskDefinitionKey("decide").taskCandidateUser(approverId.value()).active().list();
    }

    public int stageIndex(String taskId) {
        return ((Number) tasks.getVariable(taskId, StageVariables.LOOP_COUNTER)).intValue();
    }

    /** Points task {@code taskId} at {@code approvers}, mailing those who are new to it. */
    public void moveTo(String taskId, AccessRequestId requestId, Set<IdentityId> approvers, ApprovalMails.Occasion occasion) {
        Set<IdentityId> added = new HashSet<>(approvers);
        StageVariables.approverIds(tasks.getVariable(taskId, StageVariables.APPROVER_IDS)).forEach(added::remove);
        // not local: updates approverIds where the stage's scope defined it
        tasks.setVariable(taskId, StageVariables.APPROVER_IDS, StageVariables.approverIdsValue(approvers));
        tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
                .forEach(link -> tasks.deleteCandidateUser(taskId, link.getUserId()));
        approvers.forEach(approver -> tasks.addCandidateUser(taskId, approver.value()));
        Object moved = tasks.getVariableLocal(taskId, ASSIGNMENT_ROUND);
        int round = (moved instanceof Number number ? number.intValue() : 0) + 1;
        tasks.setVariableLocal(taskId, ASSIGNMENT_ROUND, round);
        if (!added.isEmpty()) {
            mails.send(occasion, requestId, stageIndex(taskId), 0,
                    ApprovalStage.valueOf((String) tasks.getVariable(taskId, StageVariables.STAGE)),
                    Instant.parse((String) tasks.getVariable(taskId, StageVariables.DECIDE_BY)), added, "move-" + round);
        }
    }
}
