package io.grantline.infra.web.campaign;

import io.grantline.api.campaign.DelegateReview;
import io.grantline.api.campaign.FindReviewAssignment;
import io.grantline.api.campaign.ListReviewDetails;
import io.grantline.api.campaign.RecordReviewDecision;
import io.grantline.api.campaign.ReviewAssignment;
import io.grantline.api.campaign.ReviewDetail;
import io.grantline.api.campaign.ReviewId;
import io.grantline.api.campaign.ReviewItemId;
import io.grantline.api.campaign.ReviewOutcome;
import io.grantline.api.common.RuleViolation;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.DecisionAuthentication;
import io.grantline.api.request.DecisionChannel;
import io.grantline.infra.links.LinkRefused;
import io.grantline.infra.links.ReviewLink;
import io.grantline.infra.links.ReviewLinkSigner;
import io.grantline.infra.security.ApproverAuthentication;
import io.grantline.infra.web.Callers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review page. Signed in ({@code /reviews}), a reviewer sees every open item of theirs and decides any of them;
 * from a digest's signed link ({@code /reviews/link/{token}}) they see that review and decide its LOW and MEDIUM items,
 * while HIGH and CRITICAL ones wait for them to sign in. Opening either (GET) changes nothing; decisions are POSTs,
 * per item or for every ticked item (select-all), each recorded once.
 */
@Controller
class ReviewPageController {

    private static final int LONGEST_COMMENT = 2000;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReviewLinkSigner links;
    private final ApproverAuthentication reviewers;
    private final Clock clock;

    ReviewPageController(CommandGateway commands, QueryGateway queries, ReviewLinkSigner links, ApproverAuthentication reviewers,
                         Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.links = links;
        this.reviewers = reviewers;
        this.clock = clock;
    }

    @GetMapping("/reviews")
    String mine(Authentication auth, Model model) {
        IdentityId reviewer = Callers.identity(auth);
        List<ReviewRow> rows = rows(reviewer, null, true);
        model.addAttribute("rows", rows);
        model.addAttribute("reviewIds", rows.stream().map(row -> ReviewItemId.of(row.itemId()).reviewId().value()).distinct().toList());
        model.addAttribute("action", "/reviews");
        model.addAttribute("reviewer", reviewer.value());
        model.addAttribute("signedIn", true);
        return "reviews";
    }

    @PostMapping("/reviews")
    String decideSignedIn(@RequestParam(name = "itemId", required = false) List<String> itemIds,
                          @RequestParam(required = false) String outcome, @RequestParam(required = false) String one,
                          @RequestParam(required = false) String comment, Authentication auth, HttpServletRequest http,
                          RedirectAttributes redirect) {
        Choice choice = Choice.of(itemIds, outcome, one);
        IdentityId reviewer = Callers.identity(auth);
        DecisionAuthentication authentication;
        try {
            authentication = reviewers.of(http, auth, reviewer, null, DecisionAuthentication.Method.LINK_ONLY);
        } catch (ApproverAuthentication.Refused refused) {
            redirect.addFlashAttribute("message", refused.getMessage());
            return "redirect:/reviews";
        }
        String message = decide(reviewer, choice.itemIds(), choice.outcome(), comment, DecisionChannel.WEB, http, authentication, null);
        redirect.addFlashAttribute("message", message);
        return "redirect:/reviews";
    }

    /** The reviewer hands a review's open items to another active person, with a reason; recorded (ReviewDelegated). */
    @PostMapping("/reviews/{reviewId}/delegation")
    String delegate(@PathVariable String reviewId, @RequestParam(required = false) String toReviewerId,
                    @RequestParam(required = false) String reason, Authentication auth, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", handOn(Callers.identity(auth), reviewId, toReviewerId, reason));
        return "redirect:/reviews";
    }

    private String handOn(IdentityId reviewer, String rawReviewId, String rawTo, String reason) {
        ReviewId review;
        IdentityId to;
        try {
            review = ReviewId.of(rawReviewId);
        } catch (IllegalArgumentException notAReview) {
            return "'" + rawReviewId + "' is not a review. Nothing was changed.";
        }
        if (rawTo == null || rawTo.isBlank() || reason == null || reason.isBlank()) {
            return "Name the person who takes the review over, and say why. Nothing was changed.";
        }
        try {
            to = IdentityId.of(rawTo.strip());
        } catch (IllegalArgumentException notAnIdentity) {
            return "'" + rawTo.strip() + "' is not an identity id. Nothing was changed.";
        }
        try {
            commands.sendAndWait(new DelegateReview(review, reviewer, false, to, reason.strip()));
        } catch (RuleViolation violation) {
            return "Nothing was changed: " + violation.getMessage() + ".";
        } catch (AggregateNotFoundException unknown) {
            return "There is no review " + review.value() + ". Nothing was changed.";
        } catch (CommandExecutionException | ConcurrencyException raced) {
            return "The review changed at the same moment; look again. Nothing was changed.";
        }
        return "Handed review " + review.value() + " to " + to.value() + ": its open items have left this page.";
    }

    @GetMapping("/reviews/link/{token}")
    String viaLink(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<ReviewLink> link = verify(token, model, response);
        if (link.isEmpty()) {
            return "approval-outcome";
        }
        if (!stillTheirs(link.get())) {
            return outcome(model, response, HttpStatus.FORBIDDEN, "No longer yours",
                    "This review has moved to someone else, or it has closed. Nothing was changed.");
        }
        model.addAttribute("rows", rows(link.get().reviewerId(), link.get().reviewId(), false));
        model.addAttribute("action", "/reviews/link/" + token);
        model.addAttribute("reviewer", link.get().reviewerId().value());
        model.addAttribute("signedIn", false);
        return "reviews";
    }

    @PostMapping("/reviews/link/{token}")
    String decideViaLink(@PathVariable String token, @RequestParam(name = "itemId", required = false) List<String> itemIds,
                         @RequestParam(required = false) String outcome, @RequestParam(required = false) String one,
                         @RequestParam(required = false) String comment, HttpServletRequest http, HttpServletResponse response,
                         Model model, RedirectAttributes redirect) {
        Optional<ReviewLink> link = verify(token, model, response);
        if (link.isEmpty()) {
            return "approval-outcome";
        }
        // a link is not a sign-in: HIGH and CRITICAL items are refused by the aggregate here
        Choice choice = Choice.of(itemIds, outcome, one);
        String message = decide(link.get().reviewerId(), choice.itemIds(), choice.outcome(), comment, DecisionChannel.EMAIL_LINK, http,
                DecisionAuthentication.linkOnly(), link.get().reviewId());
        redirect.addFlashAttribute("message", message);
        return "redirect:/reviews/link/" + token;
    }

    /** A row's own button ({@code one = "CERTIFY <itemId>"}) decides that row only; otherwise every ticked row. */
    private record Choice(List<String> itemIds, String outcome) {
        static Choice of(List<String> ticked, String outcome, String one) {
            if (one != null) {
                int space = one.indexOf(' ');
                return space < 0 ? new Choice(List.of(), one) : new Choice(List.of(one.substring(space + 1)), one.substring(0, space));
            }
            return new Choice(ticked, outcome);
        }
    }

    private String decide(IdentityId reviewer, List<String> rawItemIds, String rawOutcome, String comment, DecisionChannel channel,
                          HttpServletRequest http, DecisionAuthentication authentication, ReviewId onlyReview) {
        ReviewOutcome outcome;
        try {
            outcome = ReviewOutcome.valueOf(rawOutcome == null ? "" : rawOutcome);
        } catch (IllegalArgumentException unknown) {
            return "Choose Certify or Revoke. Nothing was recorded.";
        }
        if (rawItemIds == null || rawItemIds.isEmpty()) {
            return "Tick at least one privilege. Nothing was recorded.";
        }
        if (comment != null && comment.length() > LONGEST_COMMENT) {
            return "A comment has at most 2000 characters. Nothing was recorded.";
        }
        Map<ReviewId, List<ReviewItemId>> byReview = new LinkedHashMap<>();
        for (String raw : rawItemIds) {
            ReviewItemId item;
            try {
                item = ReviewItemId.of(raw);
            } catch (IllegalArgumentException notAnItem) {
                return "'" + raw + "' is not a review item. Nothing was recorded.";
            }
            if (onlyReview != null && !onlyReview.equals(item.reviewId())) {
                return "This link decides only its own review. Nothing was recorded.";
            }
            byReview.computeIfAbsent(item.reviewId(), r -> new ArrayList<>()).add(item);
        }
        int recorded = 0;
        for (Map.Entry<ReviewId, List<ReviewItemId>> review : byReview.entrySet()) {
            try {
                commands.sendAndWait(new RecordReviewDecision(review.getKey(), review.getValue(), reviewer, outcome,
                        comment == null || comment.isBlank() ? null : comment.strip(), channel, http.getRemoteAddr(), authentication));
                recorded += review.getValue().size();
            } catch (RuleViolation violation) {
                return prefix(recorded) + violation.getMessage() + ".";
            } catch (CommandExecutionException | ConcurrencyException raced) {
                return prefix(recorded) + "Another decision was recorded at the same moment; look again.";
            }
        }
        return (outcome == ReviewOutcome.CERTIFY ? "Certified " : "Revoked ") + recorded + (recorded == 1 ? " privilege." : " privileges.");
    }

    private static String prefix(int recorded) {
        return recorded == 0 ? "Nothing was recorded: " : recorded + " recorded, then stopped: ";
    }

    private List<ReviewRow> rows(IdentityId reviewer, ReviewId reviewId, boolean signedIn) {
        ZoneId zone = clock.getZone();
        List<ReviewDetail> details = queries.query(new ListReviewDetails(reviewer, reviewId),
                ResponseTypes.multipleInstancesOf(ReviewDetail.class)).join();
        List<ReviewRow> rows = new ArrayList<>();
        for (ReviewDetail detail : details) {
            boolean high = detail.item().risk().compareTo(RiskTier.HIGH) >= 0;
            String approved = detail.requestId() == null ? "without a request"
                    : "request " + detail.requestId() + (detail.approvedBy().isEmpty() ? "" : ", approved by " + String.join(", ", detail.approvedBy()));
            rows.add(new ReviewRow(detail.item().itemId().value(), detail.item().identityId().value(), detail.resource(),
                    detail.item().entitlementId().value(), detail.item().risk().name(), high && !signedIn,
                    ReviewWords.span(detail.heldSince(), clock.instant()), ReviewWords.at(detail.heldSince(), zone), approved,
                    detail.lastCertifiedAt() == null ? "never" : ReviewWords.at(detail.lastCertifiedAt(), zone),
                    ReviewWords.at(detail.item().dueAt(), zone)));
        }
        return rows;
    }

    private boolean stillTheirs(ReviewLink link) {
        Optional<ReviewAssignment> assignment = queries.query(new FindReviewAssignment(link.reviewId()),
                ResponseTypes.optionalInstanceOf(ReviewAssignment.class)).join();
        return assignment.isPresent() && !assignment.get().closed() && link.reviewerId().equals(assignment.get().reviewerId());
    }

    private Optional<ReviewLink> verify(String token, Model model, HttpServletResponse response) {
        try {
            return Optional.of(links.verify(token));
        } catch (LinkRefused refused) {
            if (refused.why() == LinkRefused.Why.EXPIRED) {
                outcome(model, response, HttpStatus.GONE, "This link has expired", "The review's due date has passed. Nothing was changed.");
            } else {
                outcome(model, response, HttpStatus.NOT_FOUND, "This link is not valid",
                        "It was not issued by Grantline, or it was altered. Nothing was changed.");
            }
            return Optional.empty();
        }
    }

    private static String outcome(Model model, HttpServletResponse response, HttpStatus status, String title, String text) {
        response.setStatus(status.value());
        model.addAttribute("title", title);
        model.addAttribute("text", text);
        model.addAttribute("status", status.value());
        return "approval-outcome";
    }
}
