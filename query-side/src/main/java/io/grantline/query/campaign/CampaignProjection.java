package io.grantline.query.campaign;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.grantline.api.campaign.CampaignClosed;
import io.grantline.api.campaign.CampaignLaunched;
import io.grantline.api.campaign.ItemDecision;
import io.grantline.api.campaign.NoDecisionPolicy;
import io.grantline.api.campaign.ReviewClosed;
import io.grantline.api.campaign.ReviewDecisionRecorded;
import io.grantline.api.campaign.ReviewDelegated;
import io.grantline.api.campaign.ReviewEscalated;
import io.grantline.api.campaign.ReviewId;
import io.grantline.api.campaign.ReviewItem;
import io.grantline.api.campaign.ReviewItemId;
import io.grantline.api.campaign.ReviewOpened;
import io.grantline.api.campaign.ReviewOutcome;
import io.grantline.api.campaign.ReviewsAssigned;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.grant.GrantCertified;
import io.grantline.api.identity.IdentityId;
import io.grantline.query.common.VersionedUpdates;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Campaigns, their reviews and every item with its decision. Idempotent: each document remembers the last event of
 * its stream applied ({@code version}: the campaign's for campaigns, the review's for reviews and their items), so an
 * event delivered twice changes nothing. Items are stored by id ({@code <reviewId>.<n>}) and read by id, because the
 * embedded MongoDB-protocol server has no secondary indexes.
 */
@Component
@ProcessingGroup(CampaignProjection.PROCESSING_GROUP)
public class CampaignProjection {

    public static final String PROCESSING_GROUP = "campaign-views";
    static final String CAMPAIGNS = "campaigns";
    static final String REVIEWS = "campaign_reviews";
    static final String ITEMS = "review_items";
    /** When each grant was last certified, and by whom: the review page shows it beside each item. */
    static final String CERTIFICATIONS = "grant_certifications";
    /** The reviews each grant was in ({@code _id} the grant), so a grant's history finds them by id. */
    static final String GRANT_REVIEWS = "grant_reviews";
    /** The reviews each identity was given ({@code _id} the reviewer), so its history finds them by id. */
    static final String REVIEWER_REVIEWS = "reviewer_reviews";

    private final MongoTemplate mongo;
    private final VersionedUpdates campaigns;
    private final VersionedUpdates reviews;

    public CampaignProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        this.campaigns = new VersionedUpdates(mongo, CAMPAIGNS);
        this.reviews = new VersionedUpdates(mongo, REVIEWS);
    }

    @EventHandler
    void on(CampaignLaunched event, @SequenceNumber long sequence) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("status", "OPEN");
        fields.put("dueAt", Date.from(event.dueAt()));
        fields.put("minRisk", event.minRisk() == null ? null : event.minRisk().name());
        fields.put("onNoDecision", event.onNoDecision().name());
        fields.put("entitlementIds", event.entitlementIds().stream().map(EntitlementId::value).toList());
        fields.put("launchedAt", Date.from(event.launchedAt()));
        fields.put("total", 0);
        fields.put("reviews", 0);
        campaigns.create(event.campaignId().value(), sequence, fields);
    }

    @EventHandler
    void on(ReviewsAssigned event, @SequenceNumber long sequence) {
        campaigns.apply(event.campaignId().value(), sequence, Update.update("total", event.items()).set("reviews", event.reviews())
                .set("withoutReviewer", event.withoutReviewer()));
    }

    @EventHandler
    void on(CampaignClosed event, @SequenceNumber long sequence) {
        campaigns.apply(event.campaignId().value(), sequence, Update.update("status", "CLOSED")
                .set("closedAt", Date.from(event.closedAt()))
                .set("certified", event.certified())
                .set("revoked", event.revoked() + event.revokedForNoDecision())
                .set("revokedForNoDecision", event.revokedForNoDecision())
                .set("keptForNoDecision", event.keptForNoDecision()));
    }

    @EventHandler
    void on(ReviewOpened event, @SequenceNumber long sequence) {
        String reviewId = event.reviewId().value();
        Map<String, Object> fields = new HashMap<>();
        fields.put("campaignId", event.campaignId().value());
        fields.put("reviewerId", value(event.reviewerId()));
        fields.put("items", event.items().size());
        fields.put("dueAt", Date.from(event.dueAt()));
        fields.put("certified", 0);
        fields.put("revoked", 0);
        fields.put("closed", false);
        fields.put("certifications", List.of());
        reviews.create(reviewId, sequence, fields);
        given(event.reviewerId(), event.reviewId());
        if (event.items().isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ITEMS);
        BulkOperations grantReviews = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, GRANT_REVIEWS);
        for (ReviewItem item : event.items()) {
            grantReviews.upsert(query(where("_id").is(item.grantId().value())), new Update().addToSet("reviewIds", reviewId));
            Update insert = new Update()
                    .setOnInsert("version", sequence)
                    .setOnInsert("reviewId", reviewId)
                    .setOnInsert("campaignId", event.campaignId().value())
                    .setOnInsert("grantId", item.grantId().value())
                    .setOnInsert("identityId", item.identityId().value())
                    .setOnInsert("entitlementId", item.entitlementId().value())
                    .setOnInsert("risk", item.risk().name())
                    .setOnInsert("reviewerId", value(event.reviewerId()));
            bulk.upsert(query(where("_id").is(item.itemId().value())), insert);
        }
        bulk.execute();
        grantReviews.execute();
    }

    @EventHandler
    void on(ReviewDecisionRecorded event, @SequenceNumber long sequence) {
        boolean certified = event.outcome() == ReviewOutcome.CERTIFY;
        mongo.updateFirst(query(where("_id").is(event.itemId().value()).and("version").lt(sequence)), new Update()
                .set("version", sequence)
                .set("decision", certified ? ItemDecision.CERTIFIED.name() : ItemDecision.REVOKED.name())
                .set("decidedBy", event.reviewerId().value())
                .set("decidedAt", Date.from(event.decidedAt()))
                .set("comment", event.comment())
                .set("channel", event.channel().name()), ITEMS);
        Update review = new Update().inc(certified ? "certified" : "revoked", 1);
        if (certified) {
            review.push("certifications", new Document("by", event.reviewerId().value()).append("at", Date.from(event.decidedAt())));
        }
        reviews.apply(event.reviewId().value(), sequence, review);
    }

    @EventHandler
    void on(ReviewEscalated event, @SequenceNumber long sequence) {
        reassign(event.reviewId(), event.toReviewerId(), sequence);
    }

    @EventHandler
    void on(ReviewDelegated event, @SequenceNumber long sequence) {
        reassign(event.reviewId(), event.toReviewerId(), sequence);
    }

    @EventHandler
    void on(ReviewClosed event, @SequenceNumber long sequence) {
        ItemDecision byPolicy = event.onNoDecision() == NoDecisionPolicy.REVOKE ? ItemDecision.REVOKED_NO_DECISION
                : ItemDecision.KEPT_NO_DECISION;
        mongo.updateMulti(new Query(where("_id").in(itemIds(event.reviewId())).and("decision").isNull().and("version").lt(sequence)),
                new Update().set("version", sequence).set("decision", byPolicy.name()).set("decidedAt", Date.from(event.closedAt())),
                ITEMS);
        reviews.apply(event.reviewId().value(), sequence, Update.update("closed", true)
                .set("undecided", event.undecidedGrants().size()).set("closedAt", Date.from(event.closedAt())));
    }

    @EventHandler
    void on(GrantCertified event) {
        // keeps the latest certification; a repeat or an older one arriving late changes nothing
        Date at = Date.from(event.certifiedAt());
        mongo.upsert(query(where("_id").is(event.grantId().value())), new Update().setOnInsert("certifiedAt", new Date(0)), CERTIFICATIONS);
        mongo.updateFirst(query(where("_id").is(event.grantId().value()).and("certifiedAt").lt(at)), Update.update("certifiedAt", at)
                .set("campaignId", event.campaignId().value()).set("by", event.reviewerId().value()), CERTIFICATIONS);
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), CERTIFICATIONS);
        mongo.remove(new Query(), GRANT_REVIEWS);
        mongo.remove(new Query(), REVIEWER_REVIEWS);
        mongo.remove(new Query(), CAMPAIGNS);
        mongo.remove(new Query(), REVIEWS);
        mongo.remove(new Query(), ITEMS);
    }

    /** Idempotent: a review is listed once however often it reaches the same reviewer. */
    private void given(IdentityId reviewer, ReviewId reviewId) {
        if (reviewer != null) {
            mongo.upsert(query(where("_id").is(reviewer.value())), new Update().addToSet("reviewIds", reviewId.value()), REVIEWER_REVIEWS);
        }
    }

    private void reassign(ReviewId reviewId, IdentityId to, long sequence) {
        given(to, reviewId);
        mongo.updateMulti(new Query(where("_id").in(itemIds(reviewId)).and("version").lt(sequence)),
                new Update().set("version", sequence).set("reviewerId", to.value()), ITEMS);
        reviews.apply(reviewId.value(), sequence, Update.update("reviewerId", to.value()));
    }

    /** The ids of a review's items: {@code <reviewId>.0} up to its item count, so they are read by id. */
    List<String> itemIds(ReviewId reviewId) {
        Document review = mongo.findById(reviewId.value(), Document.class, REVIEWS);
        int count = review == null ? 0 : review.getInteger("items", 0);
        List<String> ids = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            ids.add(ReviewItemId.of(reviewId, n).value());
        }
        return ids;
    }

    private static String value(IdentityId id) {
        return id == null ? null : id.value();
    }
}
