package io.grantline.command.campaign;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.grantline.api.campaign.CampaignId;
import io.grantline.api.campaign.CloseReview;
import io.grantline.api.campaign.DelegateReview;
import io.grantline.api.campaign.EscalateReview;
import io.grantline.api.campaign.NoDecisionPolicy;
import io.grantline.api.campaign.RecordReviewDecision;
import io.grantline.api.campaign.ReviewClosed;
import io.grantline.api.campaign.ReviewDecisionRecorded;
import io.grantline.api.campaign.ReviewDelegated;
import io.grantline.api.campaign.ReviewEscalated;
import io.grantline.api.campaign.ReviewId;
import io.grantline.api.campaign.ReviewItem;
import io.grantline.api.campaign.ReviewItemId;
import io.grantline.api.campaign.ReviewOpened;
import io.grantline.api.campaign.ReviewOutcome;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import io.grantline.command.campaign.CampaignRuleViolation.InvalidCampaignField;
import io.grantline.command.campaign.CampaignRuleViolation.ItemDecidedAlready;
import io.grantline.command.campaign.CampaignRuleViolation.NotYourReview;
import io.grantline.command.campaign.CampaignRuleViolation.OwnGrantReviewForbidden;
import io.grantline.command.campaign.CampaignRuleViolation.ReviewItemNotFound;
import io.grantline.command.campaign.CampaignRuleViolation.ReviewNotOpen;
import io.grantline.command.campaign.CampaignRuleViolation.ReviewerNotActive;
import io.grantline.command.campaign.CampaignRuleViolation.SignInRequired;
import io.grantline.command.common.Text;
import io.grantline.command.identity.IdentityDirectory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One reviewer's share of a campaign: its items, who decides them now, and each item's decision, recorded once.
 * Opened by its {@link RecertificationCampaign}; a campaign over 100,000 grants is thousands of these, so no single
 * stream or aggregate holds every item.
 */
@Aggregate
public class Review {

    static final int LONGEST_TEXT = 2000;
    /** A select-all decides at most this many items in one command. */
    static final int MOST_ITEMS_PER_DECISION = 10_000;

    private record Item(GrantId grantId, IdentityId holderId, RiskTier risk) {
    }

    @AggregateIdentifier
    private ReviewId id;
    private CampaignId campaignId;
    private IdentityId reviewerId;
    private NoDecisionPolicy onNoDecision;
    private final Map<ReviewItemId, Item> items = new TreeMap<>();
    private final Set<ReviewItemId> decided = new LinkedHashSet<>();
    private int certified;
    private int revoked;
    private boolean closed;

    Review() {
        // for Axon: state is rebuilt from the events
    }

    /** Opened by the campaign's snapshot ({@code AggregateLifecycle.createNew}), in the same transaction. */
    Review(ReviewOpened opened) {
        apply(opened);
    }

    @CommandHandler
    void handle(RecordReviewDecision command, IdentityDirectory identities, Clock clock) {
        requireField(command.itemIds() != null && !command.itemIds().isEmpty(), "itemIds", "at least one item is required");
        requireField(command.itemIds().size() <= MOST_ITEMS_PER_DECISION, "itemIds",
                "at most " + MOST_ITEMS_PER_DECISION + " items per decision");
        requireField(command.outcome() != null, "outcome", "outcome is required (CERTIFY or REVOKE)");
        requireField(command.channel() != null, "channel", "channel is required");
        requireField(command.reviewerId() != null, "reviewerId", "reviewerId is required");
        String comment = null;
        if (command.comment() != null && !command.comment().isBlank()) {
            requireField(Text.isPlain(command.comment(), LONGEST_TEXT), "comment", "comment is at most " + LONGEST_TEXT
                    + " characters of plain text");
            comment = command.comment().strip();
        }
        if (closed) {
            throw new ReviewNotOpen(id.value());
        }
        if (!command.reviewerId().equals(reviewerId)) {
            throw new NotYourReview(id.value());
        }
        Set<ReviewItemId> batch = new LinkedHashSet<>(command.itemIds());
        for (ReviewItemId itemId : batch) {
            Item item = items.get(itemId);
            if (item == null) {
                throw new ReviewItemNotFound(itemId.value());
            }
            if (decided.contains(itemId)) {
                throw new ItemDecidedAlready(itemId.value());
            }
            if (item.holderId().equals(command.reviewerId())) {
                throw new OwnGrantReviewForbidden(itemId.value());
            }
            if (!command.authentication().credentialEntered() && item.risk().compareTo(RiskTier.HIGH) >= 0) {
                throw new SignInRequired(itemId.value());
            }
        }
        if (identities.find(command.reviewerId()).filter(facts -> facts.isActiveHuman()).isEmpty()) {
            throw new ReviewerNotActive(command.reviewerId().value());
        }
        for (ReviewItemId itemId : batch) {
            apply(new ReviewDecisionRecorded(campaignId, id, itemId, items.get(itemId).grantId(), command.reviewerId(),
                    command.outcome(), comment, command.channel(), command.address(),
                    command.authentication().credentialEntered(), clock.instant(), command.authentication()));
        }
        if (decided.size() == items.size()) {
            apply(new ReviewClosed(campaignId, id, certified, revoked, onNoDecision, List.of(), clock.instant()));
        }
    }

    /** Answers the new reviewer, or null when the review stays where it is. */
    @CommandHandler
    IdentityId handle(EscalateReview command, IdentityDirectory identities) {
        requireField(command.reason() != null, "reason", "reason is required");
        if (closed || reviewerId == null) {
            return null;
        }
        IdentityId manager = identities.find(reviewerId).map(facts -> facts.managerId()).orElse(null);
        IdentityId next = new ReviewerRouting(identities::find).nearestActive(manager, reviewerId).orElse(null);
        if (next == null) {
            return null;
        }
        apply(new ReviewEscalated(campaignId, id, reviewerId, next, command.reason()));
        return next;
    }

    @CommandHandler
    void handle(DelegateReview command, IdentityDirectory identities) {
        requireField(command.byId() != null, "byId", "byId is required");
        requireField(command.toReviewerId() != null, "toReviewerId", "toReviewerId is required");
        requireField(Text.isPlain(command.reason(), LONGEST_TEXT), "reason", "reason is required (at most " + LONGEST_TEXT
                + " characters)");
        if (closed) {
            throw new ReviewNotOpen(id.value());
        }
        if (!command.byAdministrator() && !command.byId().equals(reviewerId)) {
            throw new NotYourReview(id.value());
        }
        requireField(!command.toReviewerId().equals(reviewerId), "toReviewerId", "the review is already theirs");
        identities.requireActiveHuman(command.toReviewerId(), "toReviewerId");
        apply(new ReviewDelegated(campaignId, id, reviewerId, command.toReviewerId(), command.byId(), command.reason().strip()));
    }

    @CommandHandler
    void handle(CloseReview command, Clock clock) {
        if (closed) {
            return;
        }
        List<GrantId> undecided = new ArrayList<>();
        items.forEach((itemId, item) -> {
            if (!decided.contains(itemId)) {
                undecided.add(item.grantId());
            }
        });
        apply(new ReviewClosed(campaignId, id, certified, revoked, onNoDecision, undecided, clock.instant()));
    }

    @EventSourcingHandler
    void on(ReviewOpened event) {
        id = event.reviewId();
        campaignId = event.campaignId();
        reviewerId = event.reviewerId();
        onNoDecision = event.onNoDecision();
        for (ReviewItem item : event.items()) {
            items.put(item.itemId(), new Item(item.grantId(), item.identityId(), item.risk()));
        }
    }

    @EventSourcingHandler
    void on(ReviewDecisionRecorded event) {
        decided.add(event.itemId());
        if (event.outcome() == ReviewOutcome.CERTIFY) {
            certified++;
        } else {
            revoked++;
        }
    }

    @EventSourcingHandler
    void on(ReviewEscalated event) {
        reviewerId = event.toReviewerId();
    }

    @EventSourcingHandler
    void on(ReviewDelegated event) {
        reviewerId = event.toReviewerId();
    }

    @EventSourcingHandler
    void on(ReviewClosed event) {
        closed = true;
    }

    private static void requireField(boolean ok, String field, String message) {
        if (!ok) {
            throw new InvalidCampaignField(field, message);
        }
    }

}
