package io.grantline.infra.web.campaign;

import io.grantline.api.campaign.DelegateReview;
import io.grantline.api.campaign.ListReviewInbox;
import io.grantline.api.campaign.RecordReviewDecision;
import io.grantline.api.campaign.ReviewId;
import io.grantline.api.campaign.ReviewInboxItem;
import io.grantline.api.campaign.ReviewItemId;
import io.grantline.api.campaign.ReviewOutcome;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.Role;
import io.grantline.api.request.DecisionAuthentication;
import io.grantline.api.request.DecisionChannel;
import io.grantline.infra.security.ApproverAuthentication;
import io.grantline.infra.web.Accepted;
import io.grantline.infra.web.Callers;
import io.grantline.infra.web.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A reviewer's open items and their decisions over the API. The Review aggregate refuses what is not the caller's
 * (403), an unknown item (404) and a second decision (409). Each decision records how the reviewer proved who they are:
 * HIGH and CRITICAL items count from the reviewer's own password (HTTP Basic) or OIDC sign-in, not from an
 * integration's API token (403).
 */
@RestController
@RequestMapping("/api/reviews")
class ReviewController {

    /** Where a decision or hand-over shows for the caller: the items leave their inbox. */
    private static final String INBOX = "/api/reviews/inbox";

    record DecisionBody(@NotNull ReviewOutcome outcome, @Size(max = 2000) String comment) {
    }

    record BulkDecisionBody(@NotEmpty @Size(max = 10_000) List<@NotNull ReviewItemId> itemIds, @NotNull ReviewOutcome outcome,
                            @Size(max = 2000) String comment) {
    }

    record DelegationBody(@NotNull IdentityId toReviewerId, @NotNull @Size(min = 1, max = 2000) String reason) {
    }

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ApproverAuthentication reviewers;

    ReviewController(CommandGateway commands, QueryGateway queries, ApproverAuthentication reviewers) {
        this.commands = commands;
        this.queries = queries;
        this.reviewers = reviewers;
    }

    @GetMapping("/inbox")
    List<ReviewInboxItem> inbox(Authentication auth) {
        return queries.query(new ListReviewInbox(Callers.identity(auth)), ResponseTypes.multipleInstancesOf(ReviewInboxItem.class)).join();
    }

    @PostMapping("/{itemId}/decision")
    ResponseEntity<Accepted> decide(@PathVariable String itemId, @Valid @RequestBody DecisionBody body, Authentication auth,
                                    HttpServletRequest request) {
        ReviewItemId item = item(itemId);
        IdentityId reviewer = Callers.identity(auth);
        commands.sendAndWait(new RecordReviewDecision(item.reviewId(), List.of(item), reviewer, body.outcome(),
                body.comment(), DecisionChannel.API, request.getRemoteAddr(), authentication(request, auth, reviewer)));
        return Accepted.showing(INBOX, itemId);
    }

    /** Select-all: one outcome for several items of one review; all are recorded, or none. */
    @PostMapping("/decisions")
    ResponseEntity<Accepted> decideAll(@Valid @RequestBody BulkDecisionBody body, Authentication auth, HttpServletRequest request) {
        ReviewId review = body.itemIds().get(0).reviewId();
        if (body.itemIds().stream().anyMatch(item -> !item.reviewId().equals(review))) {
            throw new IllegalArgumentException("itemIds must all belong to one review");
        }
        IdentityId reviewer = Callers.identity(auth);
        commands.sendAndWait(new RecordReviewDecision(review, body.itemIds(), reviewer, body.outcome(), body.comment(),
                DecisionChannel.API, request.getRemoteAddr(), authentication(request, auth, reviewer)));
        return Accepted.showing(INBOX, review.value());
    }

    /** The reviewer (or an administrator) hands the review's open items to another active person; recorded. */
    @PostMapping("/{reviewId}/delegation")
    ResponseEntity<Accepted> delegate(@PathVariable String reviewId, @Valid @RequestBody DelegationBody body, Authentication auth) {
        ReviewId review;
        try {
            review = ReviewId.of(reviewId);
        } catch (IllegalArgumentException notAReview) {
            throw new NotFound("review '" + reviewId + "'");
        }
        boolean administrator = Callers.has(auth, Role.ADMINISTRATOR);
        IdentityId by = administrator ? IdentityId.of(auth.getName()) : Callers.identity(auth);
        commands.sendAndWait(new DelegateReview(review, by, administrator, body.toReviewerId(), body.reason()));
        return Accepted.showing(INBOX, reviewId);
    }

    private DecisionAuthentication authentication(HttpServletRequest request, Authentication auth, IdentityId reviewer) {
        try {
            return reviewers.of(request, auth, reviewer, null, DecisionAuthentication.Method.API_TOKEN);
        } catch (ApproverAuthentication.Refused refused) {
            throw new AccessDeniedException(refused.getMessage());
        }
    }

    private static ReviewItemId item(String itemId) {
        try {
            return ReviewItemId.of(itemId);
        } catch (IllegalArgumentException notAnItem) {
            throw new NotFound("review item '" + itemId + "'");
        }
    }
}
