package io.grantline.command.campaign;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import io.grantline.api.campaign.AssignReviews;
import io.grantline.api.campaign.CampaignClosed;
import io.grantline.api.campaign.CampaignId;
import io.grantline.api.campaign.CampaignLaunched;
import io.grantline.api.campaign.ConcludeReview;
import io.grantline.api.campaign.LaunchCampaign;
import io.grantline.api.campaign.NoDecisionPolicy;
import io.grantline.api.campaign.ReviewConcluded;
import io.grantline.api.campaign.ReviewId;
import io.grantline.api.campaign.ReviewItem;
import io.grantline.api.campaign.ReviewItemId;
import io.grantline.api.campaign.ReviewOpened;
import io.grantline.api.campaign.ReviewsAssigned;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.identity.IdentityId;
import io.grantline.command.campaign.CampaignRuleViolation.InvalidCampaignField;
import io.grantline.command.campaign.CampaignRuleViolation.ReviewNotOfCampaign;
import io.grantline.command.identity.IdentityFacts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A recertification campaign: its scope, due date and no-decision policy; the snapshot that splits the grants in
 * scope into one {@link Review} per reviewer; the tally of concluded reviews; its close. It never holds the items
 * themselves, only counts, so it stays small however many grants it reviews.
 */
@Aggregate
public class RecertificationCampaign {

    /** A campaign runs at most this long; a quarter's review that takes longer is not a quarterly review. */
    static final Duration LONGEST = Duration.ofDays(366);
    /** A scope naming entitlements one by one stays a short list; a wider one is "every entitlement". */
    static final int MOST_ENTITLEMENTS = 1000;

    @AggregateIdentifier
    private CampaignId id;
    private RiskTier minRisk;
    private Set<EntitlementId> entitlementIds = Set.of();
    private Instant dueAt;
    private NoDecisionPolicy onNoDecision;
    private int reviews = -1;
    private int items;
    private final Set<ReviewId> concluded = new HashSet<>();
    private int certified;
    private int revoked;
    private int undecided;
    private boolean closed;

    RecertificationCampaign() {
        // for Axon: state is rebuilt from the events
    }

    /** A second campaign with the same id is refused by the event store (its first event already exists). */
    @CommandHandler
    RecertificationCampaign(LaunchCampaign command, Clock clock) {
        Instant now = clock.instant();
        if (command.campaignId() == null) {
            throw new InvalidCampaignField("id", "id is required");
        }
        if (command.dueAt() == null || !command.dueAt().isAfter(now)) {
            throw new InvalidCampaignField("dueAt", "dueAt is required and must be in the future");
        }
        if (command.dueAt().isAfter(now.plus(LONGEST))) {
            throw new InvalidCampaignField("dueAt", "dueAt must be within " + LONGEST.toDays() + " days");
        }
        if (command.entitlementIds() != null && command.entitlementIds().size() > MOST_ENTITLEMENTS) {
            throw new InvalidCampaignField("scope.entitlementIds", "at most " + MOST_ENTITLEMENTS + " entitlements");
        }
        NoDecisionPolicy policy = command.onNoDecision() == null ? NoDecisionPolicy.REVOKE : command.onNoDecision();
        apply(new CampaignLaunched(command.campaignId(), command.minRisk(), command.entitlementIds(), command.dueAt(), policy, now));
    }

    /**
     * Takes the snapshot: every grant in scope goes to its reviewer, and each reviewer's grants become one review,
     * opened in this transaction. Grants without any active reviewer form one review without a reviewer, which an
     * administrator may delegate; otherwise they follow the policy at the due date. Answers how many reviews the
     * campaign has ({@code <campaignId>.r0} ..), also for a repeat.
     */
    @CommandHandler
    int handle(AssignReviews command, ReviewScope scope, Clock clock) {
        if (reviews >= 0) {
            return reviews;
        }
        Map<IdentityId, IdentityFacts> identities = scope.identities();
        ReviewerRouting routing = new ReviewerRouting(identityId -> Optional.ofNullable(identities.get(identityId)));
        Map<IdentityId, List<ScopedGrant>> byReviewer = new TreeMap<>();
        List<ScopedGrant> withoutReviewer = new ArrayList<>();
        List<ScopedGrant> grants = scope.grantsInScope(minRisk, entitlementIds);
        for (ScopedGrant grant : grants) {
            routing.reviewerOf(grant.holderId(), grant.entitlementOwnerId()).ifPresentOrElse(
                    reviewer -> byReviewer.computeIfAbsent(reviewer, r -> new ArrayList<>()).add(grant),
                    () -> withoutReviewer.add(grant));
        }
        int number = 0;
        for (Map.Entry<IdentityId, List<ScopedGrant>> share : byReviewer.entrySet()) {
            open(ReviewId.of(id, number++), share.getKey(), share.getValue());
        }
        if (!withoutReviewer.isEmpty()) {
            open(ReviewId.of(id, number++), null, withoutReviewer);
        }
        apply(new ReviewsAssigned(id, number, grants.size(), withoutReviewer.size()));
        closeIfAllConcluded(clock);
        return number;
    }

    private void open(ReviewId reviewId, IdentityId reviewerId, List<ScopedGrant> grants) {
        List<ReviewItem> reviewItems = new ArrayList<>(grants.size());
        for (ScopedGrant grant : grants) {
            reviewItems.add(new ReviewItem(ReviewItemId.of(reviewId, reviewItems.size()), grant.grantId(), grant.holderId(),
                    grant.entitlementId(), grant.risk()));
        }
        ReviewOpened opened = new ReviewOpened(id, reviewId, reviewerId, dueAt, onNoDecision, reviewItems);
        try {
            createNew(Review.class, () -> new Review(opened));
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    @CommandHandler
    void handle(ConcludeReview command, Clock clock) {
        if (command.reviewId() == null || !command.reviewId().campaignId().equals(id) || command.reviewId().number() >= reviews) {
            throw new ReviewNotOfCampaign(command.reviewId() == null ? "" : command.reviewId().value(), id.value());
        }
        if (closed || concluded.contains(command.reviewId())) {
            return;
        }
        apply(new ReviewConcluded(id, command.reviewId(), command.certified(), command.revoked(), command.undecided()));
        closeIfAllConcluded(clock);
    }

    /** A campaign with nothing in scope closes at once. */
    private void closeIfAllConcluded(Clock clock) {
        if (concluded.size() == reviews) {
            boolean revoke = onNoDecision == NoDecisionPolicy.REVOKE;
            apply(new CampaignClosed(id, items, certified, revoked, revoke ? undecided : 0, revoke ? 0 : undecided,
                    clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(CampaignLaunched event) {
        id = event.campaignId();
        minRisk = event.minRisk();
        entitlementIds = event.entitlementIds();
        dueAt = event.dueAt();
        onNoDecision = event.onNoDecision();
    }

    @EventSourcingHandler
    void on(ReviewsAssigned event) {
        reviews = event.reviews();
        items = event.items();
    }

    @EventSourcingHandler
    void on(ReviewConcluded event) {
        concluded.add(event.reviewId());
        certified += event.certified();
        revoked += event.revoked();
        undecided += event.undecided();
    }

    @EventSourcingHandler
    void on(CampaignClosed event) {
        closed = true;
    }
}
