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
import org.camunda.bpm.engine.task.TaskQuery;
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

    StageAssignment(TaskService tasks, ApprovalMails mails) {
        this.tasks = tasks;
        this.mails = mails;
    }

    /**
     * Every open {@code decide} task of request {@code requestId}'s stage {@code stageIndex}: one query, by the task's
     * name, which carries the stage's number (access-request.bpmn). A task of a process version from before that name
     * (still open after an upgrade) is found as before, by its stage's loop counter, a variable read per task: a third
     * of the bridge's work for each decision.
     */
    public List<Task> openTasks(AccessRequestId requestId, int stageIndex) {
        List<Task> named = decideTasks(requestId).taskName(taskName(stageIndex)).list();
        if (!named.isEmpty()) {
            return named;
        }
        return decideTasks(requestId).taskName(NAME_WITHOUT_STAGE).list().stream()
                .filter(task -> stageIndex(task) == stageIndex).toList();
    }

    /** The {@code decide} task's name in a stage: "stage 1" is the stage at index 0. */
    static String taskName(int stageIndex) {
        return NAME_WITHOUT_STAGE + ", stage " + (stageIndex + 1);
    }

    private TaskQuery decideTasks(AccessRequestId requestId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(requestId.value()).taskDefinitionKey("decide").active();
    }

    /** The open {@code decide} tasks that {@code approverId} may answer, whatever the request. */
    public List<Task> openTasksOf(IdentityId approverId) {
        return tasks.createTaskQuery().taskDefinitionKey("decide").taskCandidateUser(approverId.value()).active().list();
    }

    public int stageIndex(Task task) {
        return ((Number) tasks.getVariable(task.getId(), StageVariables.LOOP_COUNTER)).intValue();
    }

    /** Points {@code task} at {@code approvers}, mailing those who are new to it. */
    public void moveTo(Task task, AccessRequestId requestId, Set<IdentityId> approvers, ApprovalMails.Occasion occasion) {
        @SuppressWarnings("unchecked")
        List<String> before = (List<String>) tasks.getVariable(task.getId(), StageVariables.APPROVER_IDS);
        Set<IdentityId> added = new HashSet<>(approvers);
        before.stream().map(IdentityId::of).forEach(added::remove);
        // not local: updates approverIds where the stage's scope defined it
        tasks.setVariable(task.getId(), StageVariables.APPROVER_IDS, approvers.stream().map(IdentityId::value).toList());
        tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
                .forEach(link -> tasks.deleteCandidateUser(task.getId(), link.getUserId()));
        approvers.forEach(approver -> tasks.addCandidateUser(task.getId(), approver.value()));
        Object moved = tasks.getVariableLocal(task.getId(), ASSIGNMENT_ROUND);
        int round = (moved instanceof Number number ? number.intValue() : 0) + 1;
        tasks.setVariableLocal(task.getId(), ASSIGNMENT_ROUND, round);
        if (!added.isEmpty()) {
            mails.send(occasion, requestId, stageIndex(task), 0,
                    ApprovalStage.valueOf((String) tasks.getVariable(task.getId(), StageVariables.STAGE)),
                    Instant.parse((String) tasks.getVariable(task.getId(), StageVariables.DECIDE_BY)), added, "move-" + round);
        }
    }
}
