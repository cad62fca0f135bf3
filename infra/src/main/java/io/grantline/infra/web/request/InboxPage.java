package io.grantline.infra.web.request;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestSummary;
import io.grantline.api.request.ApprovalInboxItem;
import io.grantline.api.request.DecisionAuthentication;
import io.grantline.api.request.DecisionChannel;
import io.grantline.infra.security.ApproverAuthentication;
import io.grantline.api.request.DecisionOutcome;
import io.grantline.api.request.FindAccessRequest;
import io.grantline.api.request.RecordApprovalDecision;
import io.grantline.infra.web.Callers;
import io.grantline.infra.web.pages.Forms;
import io.grantline.infra.web.pages.Names;
import io.grantline.infra.web.pages.Page;
import io.grantline.infra.web.pages.ReadSide;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approver's inbox: one row per open stage, decided on the spot with a comment. Where the policy asks the
 * approver to sign in again (CRITICAL), the row asks for their password and the decision carries that proof; who may
 * decide, and whether the proof suffices, stays the aggregate's to say.
 */
@Controller
@Page
class InboxPage {

    /** A row: the open stage and the request it belongs to (null while the read side catches up). */
    record Row(ApprovalInboxItem item, AccessRequestSummary request, AccessRequestSummary.Stage stage) {
    }

    private static final Logger log = LoggerFactory.getLogger(InboxPage.class);

    private final ApprovalController approvals;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ApproverAuthentication approvers;
    private final Names names;
    private final Forms forms;

    InboxPage(ApprovalController approvals, CommandGateway commands, QueryGateway queries, ApproverAuthentication approvers,
              Names names, Forms forms) {
        this.approvals = approvals;
        this.commands = commands;
        this.queries = queries;
        this.approvers = approvers;
        this.names = names;
        this.forms = forms;
    }

    @GetMapping("/inbox")
    String inbox(Authentication auth, Model model) {
        List<Row> rows = approvals.inbox(auth).stream().map(item -> {
            AccessRequestSummary request = find(item).orElse(null);
            AccessRequestSummary.Stage stage = request == null ? null
                    : request.stages().stream().filter(s -> s.index() == item.stageIndex()).findFirst().orElse(null);
            return new Row(item, request, stage);
        }).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("names", names.catalog());
        return "inbox";
    }

    @PostMapping("/inbox/{taskId}")
    String decide(@PathVariable String taskId, @RequestParam(required = false) DecisionOutcome outcome,
                  @RequestParam(required = false) String comment, @RequestParam(required = false) String password,
                  Authentication auth, HttpServletRequest http, RedirectAttributes flash) {
        return forms.attempt(flash, "/inbox", () -> {
            if (outcome == null) {
                throw new Forms.Invalid("Decision", "choose Approve or Reject");
            }
            forms.valid(new ApprovalController.DecisionBody(outcome, comment));
            TaskId task = TaskId.parse(taskId);
            IdentityId approver = Callers.identity(auth);
            DecisionAuthentication authentication;
            try {
                // a password given on the row is checked here; otherwise the session's sign-in time is what counts
                authentication = approvers.of(http, auth, approver, password, DecisionAuthentication.Method.LINK_ONLY);
            } catch (ApproverAuthentication.Refused refused) {
                log.info("Inbox decision on {} refused: the credentials given by {} did not prove them", taskId, approver.value());
                throw new Forms.Invalid("Password", "that is not your password; nothing was recorded");
            }
            commands.sendAndWait(new RecordApprovalDecision(task.requestId(), task.stageIndex(), approver, outcome,
                    comment == null || comment.isBlank() ? null : comment.strip(), DecisionChannel.WEB, http.getRemoteAddr(),
                    authentication));
            ReadSide.awaitVisible(() -> approvals.inbox(auth).stream().anyMatch(i -> i.taskId().equals(taskId))
                    ? Optional.empty() : Optional.of(true));
            flash.addFlashAttribute("notice", (outcome == DecisionOutcome.APPROVE ? "Approved" : "Rejected")
                    + ": your decision is recorded.");
            return "redirect:/inbox";
        });
    }

    private Optional<AccessRequestSummary> find(ApprovalInboxItem item) {
        return queries.query(new FindAccessRequest(item.requestId()), ResponseTypes.optionalInstanceOf(AccessRequestSummary.class)).join();
    }
}
