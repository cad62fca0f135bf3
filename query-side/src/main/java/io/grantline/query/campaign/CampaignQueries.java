package io.grantline.query.campaign;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.grantline.api.campaign.CampaignId;
import io.grantline.api.campaign.CampaignItem;
import io.grantline.api.campaign.CampaignReport;
import io.grantline.api.campaign.CampaignStatus;
import io.grantline.api.campaign.FindCampaign;
import io.grantline.api.campaign.FindReviewsOfGrant;
import io.grantline.api.campaign.FindReviewsOfReviewer;
import io.grantline.api.campaign.ItemDecision;
import io.grantline.api.campaign.ListCampaignItems;
import io.grantline.api.campaign.ListReviewInbox;
import io.grantline.api.campaign.ListReviewDetails;
import io.grantline.api.campaign.ReviewDetail;
import io.grantline.api.campaign.ListReviewerCompletion;
import io.grantline.api.campaign.NoDecisionPolicy;
import io.grantline.api.campaign.ReviewId;
import io.grantline.api.campaign.ReviewInboxItem;
import io.grantline.api.campaign.ReviewItemId;
import io.grantline.api.campaign.ReviewerCompletion;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.DecisionChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Answers from the campaign read models: reports, the reviewer's inbox, per-reviewer completion, every item. */
@Component
public class CampaignQueries {

    /** Rubber-stamping: this many certifications (or more) inside one window of this length. */
    static final int RUBBER_STAMP_COUNT = 10;
    static final Duration RUBBER_STAMP_WINDOW = Duration.ofSeconds(10);

    /** Collections of other projections, read (never written) to describe an item. */
    private static final String GRANTS = "grants";
    private static final String ENTITLEMENTS = "entitlements";
    private static final String REQUESTS = "access_requests";

    private final MongoTemplate mongo;

    public CampaignQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    public Optional<CampaignReport> handle(FindCampaign query) {
        Document campaign = mongo.findById(query.campaignId().value(), Document.class, CampaignProjection.CAMPAIGNS);
        if (campaign == null) {
            return Optional.empty();
        }
        NoDecisionPolicy policy = NoDecisionPolicy.valueOf(campaign.getString("onNoDecision"));
        int certified = 0;
        int revoked = 0;
        int undecidedAtClose = 0;
        for (Document review : reviewsOf(query.campaignId())) {
            certified += review.getInteger("certified", 0);
            revoked += review.getInteger("revoked", 0);
            undecidedAtClose += review.getInteger("undecided", 0);
        }
        int revokedByPolicy = policy == NoDecisionPolicy.REVOKE ? undecidedAtClose : 0;
        int keptByPolicy = policy == NoDecisionPolicy.KEEP ? undecidedAtClose : 0;
        int total = campaign.getInteger("total", 0);
        String minRisk = campaign.getString("minRisk");
        return Optional.of(new CampaignReport(query.campaignId(), CampaignStatus.valueOf(campaign.getString("status")), total,
                certified, revoked + revokedByPolicy, total - certified - revoked - undecidedAtClose, revokedByPolicy, keptByPolicy,
                campaign.getInteger("reviews", 0), instant(campaign.getDate("dueAt")), minRisk == null ? null : RiskTier.valueOf(minRisk),
                policy, instant(campaign.getDate("launchedAt")), instant(campaign.getDate("closedAt"))));
    }

    @QueryHandler
    public List<ReviewId> handle(FindReviewsOfGrant query) {
        return reviewIds(query.grantId().value(), CampaignProjection.GRANT_REVIEWS);
    }

    @QueryHandler
    public List<ReviewId> handle(FindReviewsOfReviewer query) {
        return reviewIds(query.reviewerId().value(), CampaignProjection.REVIEWER_REVIEWS);
    }

    private List<ReviewId> reviewIds(String id, String collection) {
        Document reviews = mongo.findById(id, Document.class, collection);
        return reviews == null ? List.of() : reviews.getList("reviewIds", String.class, List.of()).stream().map(ReviewId::of).toList();
    }

    @QueryHandler
    public List<ReviewInboxItem> handle(ListReviewInbox query) {
        List<ReviewInboxItem> inbox = new ArrayList<>();
        List<Document> open = mongo.find(query(where("reviewerId").is(query.reviewerId().value()).and("closed").is(false)),
                Document.class, CampaignProjection.REVIEWS);
        for (Document review : open) {
            ReviewId reviewId = ReviewId.of(review.getString("_id"));
            Instant dueAt = instant(review.getDate("dueAt"));
            for (Document item : itemsOf(reviewId, review.getInteger("items", 0))) {
                if (item.getString("decision") == null) {
                    inbox.add(new ReviewInboxItem(ReviewItemId.of(item.getString("_id")), reviewId.campaignId(), reviewId,
                            GrantId.of(item.getString("grantId")), IdentityId.of(item.getString("identityId")),
                            EntitlementId.of(item.getString("entitlementId")), RiskTier.valueOf(item.getString("risk")), dueAt));
                }
            }
        }
        inbox.sort(Comparator.comparing(ReviewInboxItem::dueAt).thenComparing(ReviewInboxItem::itemId));
        return inbox;
    }

    @QueryHandler
    public List<CampaignItem> handle(ListCampaignItems query) {
        List<CampaignItem> items = new ArrayList<>();
        for (Document review : reviewsOf(query.campaignId())) {
            ReviewId reviewId = ReviewId.of(review.getString("_id"));
            for (Document item : itemsOf(reviewId, review.getInteger("items", 0))) {
                items.add(item(reviewId, item));
            }
        }
        return items;
    }

    @QueryHandler
    public List<ReviewerCompletion> handle(ListReviewerCompletion query) {
        Map<String, int[]> byReviewer = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Map<String, List<Instant>> certifications = new HashMap<>();
        for (Document review : reviewsOf(query.campaignId())) {
            int[] counts = byReviewer.computeIfAbsent(review.getString("reviewerId"), r -> new int[3]);
            counts[0] += review.getInteger("items", 0);
            counts[1] += review.getInteger("certified", 0);
            counts[2] += review.getInteger("revoked", 0);
            for (Document certification : review.getList("certifications", Document.class, List.of())) {
                certifications.computeIfAbsent(certification.getString("by"), by -> new ArrayList<>())
                        .add(certification.getDate("at").toInstant());
            }
        }
        List<ReviewerCompletion> completion = new ArrayList<>();
        byReviewer.forEach((reviewer, counts) -> {
            int decided = counts[1] + counts[2];
            int burst = reviewer == null ? 0 : fastestBurst(certifications.getOrDefault(reviewer, List.of()));
            completion.add(new ReviewerCompletion(reviewer == null ? null : IdentityId.of(reviewer), counts[0], decided, counts[1],
                    counts[2], counts[0] == 0 ? 1.0 : (double) decided / counts[0], burst >= RUBBER_STAMP_COUNT, burst));
        });
        return completion;
    }

    @QueryHandler
    public List<ReviewDetail> handle(ListReviewDetails query) {
        List<ReviewDetail> details = new ArrayList<>();
        for (ReviewInboxItem item : handle(new ListReviewInbox(query.reviewerId()))) {
            if (query.reviewId() != null && !query.reviewId().equals(item.reviewId())) {
                continue;
            }
            Document grant = mongo.findById(item.grantId().value(), Document.class, GRANTS);
            Document entitlement = mongo.findById(item.entitlementId().value(), Document.class, ENTITLEMENTS);
            Document certified = mongo.findById(item.grantId().value(), Document.class, CampaignProjection.CERTIFICATIONS);
            String requestId = grant == null ? null : grant.getString("requestId");
            details.add(new ReviewDetail(item, entitlement == null ? item.entitlementId().value() : entitlement.getString("resource"),
                    grant == null ? null : instant(grant.getDate("validFrom")), requestId, approvers(requestId),
                    certified == null || certified.getDate("certifiedAt").getTime() == 0 ? null : instant(certified.getDate("certifiedAt"))));
        }
        return details;
    }

    /** "MANAGER: olga" for each decided stage of the request that led to the grant. */
    private List<String> approvers(String requestId) {
        Document request = requestId == null ? null : mongo.findById(requestId, Document.class, REQUESTS);
        if (request == null || !(request.get("stages") instanceof Document stages)) {
            return List.of();
        }
        List<String> approvers = new ArrayList<>();
        for (Object value : new TreeMap<>(stages).values()) {
            if (value instanceof Document stage && stage.get("decision") instanceof Document decision) {
                approvers.add(stage.getString("name") + ": " + decision.getString("approverId"));
            }
        }
        return approvers;
    }

    /** The most certifications inside any window of {@link #RUBBER_STAMP_WINDOW}. */
    static int fastestBurst(List<Instant> times) {
        List<Instant> sorted = times.stream().sorted().toList();
        int best = 0;
        int start = 0;
        for (int end = 0; end < sorted.size(); end++) {
            while (Duration.between(sorted.get(start), sorted.get(end)).compareTo(RUBBER_STAMP_WINDOW) > 0) {
                start++;
            }
            best = Math.max(best, end - start + 1);
        }
        return best;
    }

    private List<Document> reviewsOf(CampaignId campaignId) {
        List<Document> found = mongo.find(query(where("campaignId").is(campaignId.value())), Document.class, CampaignProjection.REVIEWS);
        found.sort(Comparator.comparing(review -> ReviewId.of(review.getString("_id")).number()));
        return found;
    }

    private List<Document> itemsOf(ReviewId reviewId, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            ids.add(ReviewItemId.of(reviewId, n).value());
        }
        List<Document> found = mongo.find(query(where("_id").in(ids)), Document.class, CampaignProjection.ITEMS);
        found.sort(Comparator.comparing(item -> itemNumber(item.getString("_id"))));
        return found;
    }

    private static int itemNumber(String itemId) {
        return Integer.parseInt(itemId.substring(itemId.lastIndexOf('.') + 1));
    }

    private static CampaignItem item(ReviewId reviewId, Document item) {
        String decision = item.getString("decision");
        String decidedBy = item.getString("decidedBy");
        String reviewer = item.getString("reviewerId");
        String channel = item.getString("channel");
        return new CampaignItem(ReviewItemId.of(item.getString("_id")), reviewId, GrantId.of(item.getString("grantId")),
                IdentityId.of(item.getString("identityId")), EntitlementId.of(item.getString("entitlementId")),
                RiskTier.valueOf(item.getString("risk")), reviewer == null ? null : IdentityId.of(reviewer),
                decision == null ? null : ItemDecision.valueOf(decision), decidedBy == null ? null : IdentityId.of(decidedBy),
                instant(item.getDate("decidedAt")), item.getString("comment"), channel == null ? null : DecisionChannel.valueOf(channel));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
