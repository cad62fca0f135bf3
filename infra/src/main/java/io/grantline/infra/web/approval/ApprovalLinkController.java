package io.grantline.infra.web.approval;

import io.grantline.api.entitlement.EntitlementSummary;
import io.grantline.api.entitlement.FindEntitlement;
import io.grantline.api.identity.FindIdentity;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.api.request.DecisionAuthentication;
import io.grantline.api.request.AccessRequestSummary;
import io.grantline.api.request.DecisionChannel;
import io.grantline.api.request.DecisionOutcome;
import io.grantline.api.request.FindAccessRequest;
import io.grantline.api.request.RecordApprovalDecision;
import io.grantline.api.common.RuleViolation;
import io.grantline.infra.axon.ActorMetadata;
import io.grantline.infra.domain.IdentityIndex;
import io.grantline.infra.links.ApprovalLink;
import io.grantline.infra.links.ApprovalLinkSigner;
import io.grantline.infra.links.LinkRefused;
import io.grantline.infra.security.ApproverAuthentication;
import io.grantline.infra.web.pages.Words;
import io.grantline.workflow.words.PlainWords;
import io.grantline.workflow.settings.ApprovalSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page an approver reaches from an email. Opening it (GET) only shows the request and asks for a decision, however
 * often a mail scanner fetches it; the decision is a POST, recorded once. Every refusal is a page in plain words with
 * the status it deserves: 404 forged, 410 expired, 409 already decided, 403 not yours, 401 sign in first.
 */
@Controller
class ApprovalLinkController {

    private final ApprovalLinkSigner links;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ApproverAuthentication approvers;
    private final Duration reauthenticationMaxAge;
    private final Words words;
    private final IdentityIndex identities;

    ApprovalLinkController(ApprovalLinkSigner links, CommandGateway commands, QueryGateway queries, ApproverAuthentication approvers,
                           ApprovalSettings settings, Words words, IdentityIndex identities) {
        this.links = links;
        this.commands = commands;
        this.queries = queries;
        this.approvers = approvers;
        this.reauthenticationMaxAge = settings.reauthenticationMaxAge();
        this.words = words;
        this.identities = identities;
    }

    @GetMapping("/approvals/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        ApprovalLink link;
        try {
            link = links.verify(token);
        } catch (LinkRefused refused) {
            return refused(refused, model, response);
        }
        Optional<AccessRequestSummary> request = request(link);
        if (request.isEmpty()) {
            return outcome(model, response, HttpStatus.NOT_FOUND, "Not found yet",
                    "This request is not visible yet. Try again in a moment.");
        }
        Optional<AccessRequestSummary.Stage> stage = request.get().stages().stream().filter(s -> s.index() == link.stageIndex()).findFirst();
        if (stage.isEmpty()) {
            return outcome(model, response, HttpStatus.NOT_FOUND, "Not found yet", "This stage is not visible yet. Try again in a moment.");
        }
        if (stage.get().decision() != null || !request.get().openForDecisions()) {
            model.addAttribute("request", request.get());
            return outcome(model, response, HttpStatus.CONFLICT, "Already decided", decidedText(request.get(), stage.get()));
        }
        if (!approverActive(link)) {
            return noLongerActive(model, response, link);
        }
        if (stage.get().approverIds().stream().noneMatch(link.approverId()::equals)) {
            return outcome(model, response, HttpStatus.FORBIDDEN, "No longer yours",
                    "This decision has moved to someone else (it was escalated or reassigned). Nothing was changed.");
        }
        describe(model, request.get(), stage.get(), link);
        model.addAttribute("token", token);
        return "approval";
    }

    @PostMapping("/approvals/{token}")
    String decide(@PathVariable String token, @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) String comment, @RequestParam(required = false) String password,
                  Authentication auth, HttpServletRequest http, HttpServletResponse response, Model model) {
        ApprovalLink link;
        try {
            link = links.verify(token);
        } catch (LinkRefused refused) {
            return refused(refused, model, response);
        }
        model.addAttribute("token", token);
        DecisionOutcome decision;
        try {
            decision = DecisionOutcome.valueOf(outcome == null ? "" : outcome);
        } catch (IllegalArgumentException unknown) {
            return outcome(model, response, HttpStatus.BAD_REQUEST, "Choose approve or reject", "Nothing was recorded.");
        }
        if (comment != null && comment.length() > 2000) {
            return outcome(model, response, HttpStatus.BAD_REQUEST, "Comment too long", "At most 2000 characters. Nothing was recorded.");
        }
        if (!approverActive(link)) {
            return noLongerActive(model, response, link);
        }
        DecisionAuthentication authentication;
        try {
            authentication = approvers.of(http, auth, link.approverId(), password, DecisionAuthentication.Method.LINK_ONLY);
        } catch (ApproverAuthentication.Refused refused) {
            return refused.someoneElse()
                    ? outcome(model, response, HttpStatus.FORBIDDEN, "Signed in as someone else", refused.getMessage())
                    : signInAgain(model, response, link, refused.getMessage());
        }
        // the link proves the approver: their decision is theirs in the record, whoever's browser sent it
        http.setAttribute(ActorMetadata.ACTOR_ATTRIBUTE, link.approverId().value());
        http.setAttribute(ActorMetadata.CHANNEL_ATTRIBUTE, DecisionChannel.EMAIL_LINK.name());
        try {
            commands.sendAndWait(new RecordApprovalDecision(link.requestId(), link.stageIndex(), link.approverId(), decision,
                    comment == null || comment.isBlank() ? null : comment.strip(), DecisionChannel.EMAIL_LINK, http.getRemoteAddr(),
                    authentication));
        } catch (RuleViolation violation) {
            return violated(violation, model, response, link);
        } catch (ConcurrencyException raced) {
            return outcome(model, response, HttpStatus.CONFLICT, "Already decided", "Another answer to this request was recorded first.");
        }
        return outcome(model, response, HttpStatus.OK, decision == DecisionOutcome.APPROVE ? "Approved" : "Rejected",
                "Your decision is recorded. You can close this page.");
    }

    private String violated(RuleViolation violation, Model model, HttpServletResponse response, ApprovalLink link) {
        if ("reauthentication-required".equals(violation.slug())) {
            return signInAgain(model, response, link, "This access is critical: your decision counts only with your password"
                    + " (or a sign-in within the last " + PlainWords.duration(reauthenticationMaxAge) + "). Nothing was recorded.");
        }
        if ("approver-not-active".equals(violation.slug())) {
            return noLongerActive(model, response, link);
        }
        return switch (violation.kind()) {
            case CONFLICT -> outcome(model, response, HttpStatus.CONFLICT, "Already decided", violation.getMessage());
            case FORBIDDEN -> outcome(model, response, HttpStatus.FORBIDDEN, "Not yours to decide", violation.getMessage());
            case NOT_FOUND -> outcome(model, response, HttpStatus.NOT_FOUND, "Not found", violation.getMessage());
            default -> outcome(model, response, HttpStatus.BAD_REQUEST, "Not recorded", violation.getMessage());
        };
    }

    private static String signInAgain(Model model, HttpServletResponse response, ApprovalLink link, String text) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Grantline\"");
        model.addAttribute("signInAs", link.approverId().value());
        return outcome(model, response, HttpStatus.UNAUTHORIZED, "Enter your password to decide", text);
    }

    private static String noLongerActive(Model model, HttpServletResponse response, ApprovalLink link) {
        return outcome(model, response, HttpStatus.FORBIDDEN, "This link no longer decides anything", link.approverId().value()
                + " is no longer an active approver, so the decision has moved to their manager. Nothing was changed.");
    }

    /** As the event store has it now: a link dies the moment its approver is compromised, not when a read model says so. */
    private boolean approverActive(ApprovalLink link) {
        return identities.find(link.approverId().value()).map(identity -> identity.status() == IdentityStatus.ACTIVE).orElse(false);
    }

    private String refused(LinkRefused refused, Model model, HttpServletResponse response) {
        return refused.why() == LinkRefused.Why.EXPIRED
                ? outcome(model, response, HttpStatus.GONE, "This link has expired",
                "The time to answer has passed. Nothing was changed; the request's owner can file it again.")
                : outcome(model, response, HttpStatus.NOT_FOUND, "This link is not valid",
                "It was not issued by Grantline, or it was altered. Nothing was changed.");
    }

    private static String outcome(Model model, HttpServletResponse response, HttpStatus status, String title, String text) {
        response.setStatus(status.value());
        model.addAttribute("title", title);
        model.addAttribute("text", text);
        model.addAttribute("status", status.value());
        return "approval-outcome";
    }

    private Optional<AccessRequestSummary> request(ApprovalLink link) {
        return queries.query(new FindAccessRequest(link.requestId()), ResponseTypes.optionalInstanceOf(AccessRequestSummary.class)).join();
    }

    private void describe(Model model, AccessRequestSummary request, AccessRequestSummary.Stage stage, ApprovalLink link) {
        model.addAttribute("request", request);
        model.addAttribute("stage", stage);
        model.addAttribute("approver", name(link.approverId()));
        model.addAttribute("requester", name(request.requesterId()));
        model.addAttribute("beneficiary", name(request.beneficiaryId()));
        model.addAttribute("reauthenticationMaxAge", PlainWords.duration(reauthenticationMaxAge));
        model.addAttribute("entitlement", queries.query(new FindEntitlement(request.entitlementId()),
                ResponseTypes.optionalInstanceOf(EntitlementSummary.class)).join().orElse(null));
    }

    private String name(io.grantline.api.identity.IdentityId id) {
        return queries.query(new FindIdentity(id), ResponseTypes.optionalInstanceOf(IdentitySummary.class)).join()
                .map(identity -> identity.displayName() + " (" + id.value() + ")").orElse(id.value());
    }

    private String decidedText(AccessRequestSummary request, AccessRequestSummary.Stage stage) {
        if (stage.decision() != null) {
            return "This stage was already decided: " + (stage.decision().outcome() == DecisionOutcome.APPROVE ? "approved" : "rejected")
                    + " by " + stage.decision().approverId().value() + " on " + words.instant(stage.decision().at())
                    + ". Nothing was changed.";
        }
        return "This request is " + words.constant(request.status()) + ". Nothing was changed.";
    }
}
