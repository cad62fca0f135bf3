package io.grantline.infra.domain;

import io.grantline.api.campaign.FindReviewAssignment;
import io.grantline.api.campaign.ListOpenReviewsOf;
import io.grantline.api.campaign.ReviewAssignment;
import io.grantline.api.campaign.ReviewClosed;
import io.grantline.api.campaign.ReviewDecisionRecorded;
import io.grantline.api.campaign.ReviewDelegated;
import io.grantline.api.campaign.ReviewEscalated;
import io.grantline.api.campaign.ReviewId;
import io.grantline.api.campaign.ReviewOpened;
import io.grantline.api.campaign.CampaignId;
import io.grantline.api.entitlement.EntitlementDefined;
import io.grantline.api.entitlement.FindEntitlementOwnerNow;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.EntitlementOwnerChanged;
import io.grantline.api.entitlement.EntitlementPolicyChanged;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.command.campaign.ReviewScope;
import io.grantline.command.campaign.ScopedGrant;
import io.grantline.command.identity.IdentityFacts;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts recertification routes by, kept by a subscribing processor in the transaction of the events they follow
 * (docs/adr/0007): a snapshot over 100,000 grants reads them with two queries instead of loading 100,000 aggregates,
 * and still never from a read model that may lag. Identities come from the one identity index ({@link IdentityIndex}).
 */
@Component
@ProcessingGroup(ReviewRoutingIndex.PROCESSING_GROUP)
class ReviewRoutingIndex implements ReviewScope {

    static final String PROCESSING_GROUP = "review-routing-index";

    private static final Logger log = LoggerFactory.getLogger(ReviewRoutingIndex.class);
    static final String ENTITLEMENT_INDEX = "review_entitlement_index";

    private final JdbcClient jdbc;
    private final EventStorageEngine events;

    ReviewRoutingIndex(JdbcClient jdbc, EventStorageEngine events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * A database whose entitlements were defined before the entitlement index existed gets it built once, from the
     * events, at the first start that finds the request for it (migration V7_1): until then a campaign left their grants
     * out. The node whose delete removes the request builds it, in one transaction with that delete; every entitlement
     * event is applied in order, so entitlements indexed since come out as they were.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void buildEntitlementIndexOnceFromTheEvents() {
        if (jdbc.sql("DELETE FROM index_backfill WHERE index_name = ?").param(ENTITLEMENT_INDEX).update() == 0) {
            return;
        }
        long[] applied = {0};
        try (var stream = events.readEvents(null, false)) {
            stream.map(EventMessage::getPayload).forEach(event -> {
                if (event instanceof EntitlementDefined defined) {
                    on(defined);
                } else if (event instanceof EntitlementOwnerChanged owner) {
                    on(owner);
                } else if (event instanceof EntitlementPolicyChanged policy) {
                    on(policy);
                } else {
                    return;
                }
                applied[0]++;
            });
        }
        log.info("Review entitlement index built from {} entitlement events", applied[0]);
    }

    @EventHandler
    void on(EntitlementDefined event) {
        jdbc.sql("DELETE FROM review_entitlement_index WHERE entitlement_id = ?").param(event.entitlementId().value()).update();
        jdbc.sql("INSERT INTO review_entitlement_index (entitlement_id, owner_id, risk) VALUES (?, ?, ?)")
                .params(event.entitlementId().value(), event.ownerId().value(), event.risk().name())
                .update();
    }

    @EventHandler
    void on(EntitlementOwnerChanged event) {
        jdbc.sql("UPDATE review_entitlement_index SET owner_id = ? WHERE entitlement_id = ?")
                .params(event.ownerId().value(), event.entitlementId().value()).update();
    }

    @EventHandler
    void on(EntitlementPolicyChanged event) {
        if (event.risk() != null) {
            jdbc.sql("UPDATE review_entitlement_index SET risk = ? WHERE entitlement_id = ?")
                    .params(event.risk().name(), event.entitlementId().value()).update();
        }
    }

    @EventHandler
    void on(ReviewOpened event) {
        jdbc.sql("DELETE FROM review_assignment WHERE review_id = ?").param(event.reviewId().value()).update();
        jdbc.sql("INSERT INTO review_assignment (review_id, campaign_id, reviewer_id, open_items, due_at_ms, closed)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(event.reviewId().value(), event.campaignId().value(), value(event.reviewerId()), event.items().size(),
                        event.dueAt().toEpochMilli(), false)
                .update();
    }

    @EventHandler
    void on(ReviewDecisionRecorded event) {
        jdbc.sql("UPDATE review_assignment SET open_items = open_items - 1 WHERE review_id = ?").param(event.reviewId().value())
                .update();
    }

    @EventHandler
    void on(ReviewEscalated event) {
        reviewer(event.reviewId(), event.toReviewerId());
    }

    @EventHandler
    void on(ReviewDelegated event) {
        reviewer(event.reviewId(), event.toReviewerId());
    }

    @EventHandler
    void on(ReviewClosed event) {
        jdbc.sql("UPDATE review_assignment SET closed = ? WHERE review_id = ?").params(true, event.reviewId().value()).update();
    }

    @QueryHandler
    public Optional<IdentityId> handle(FindEntitlementOwnerNow query) {
        return jdbc.sql("SELECT owner_id FROM review_entitlement_index WHERE entitlement_id = ?")
                .param(query.entitlementId().value()).query(String.class).optional().map(IdentityId::of);
    }

    @QueryHandler
    public Optional<ReviewAssignment> handle(FindReviewAssignment query) {
        return jdbc.sql("SELECT r.review_id, r.campaign_id, r.reviewer_id, r.open_items, r.due_at_ms, r.closed, i.email, i.display_name"
                        + " FROM review_assignment r LEFT JOIN identity_index i ON i.identity_id = r.reviewer_id"
                        + " WHERE r.review_id = ?")
                .param(query.reviewId().value())
                .query((rs, n) -> {
                    String reviewer = rs.getString("reviewer_id");
                    return new ReviewAssignment(ReviewId.of(rs.getString("review_id")), CampaignId.of(rs.getString("campaign_id")),
                            reviewer == null ? null : IdentityId.of(reviewer), rs.getString("email"),
                            rs.getString("display_name") == null ? reviewer : rs.getString("display_name"), rs.getInt("open_items"),
                            Instant.ofEpochMilli(rs.getLong("due_at_ms")), rs.getBoolean("closed"));
                })
                .optional();
    }

    @QueryHandler
    public List<ReviewId> handle(ListOpenReviewsOf query) {
        return jdbc.sql("SELECT review_id FROM review_assignment WHERE reviewer_id = ? AND closed = ? ORDER BY review_id")
                .params(query.reviewerId().value(), false).query(String.class).list().stream().map(ReviewId::of).toList();
    }

    /** Grants whose entitlement the index does not know are not in scope (an entitlement is indexed when defined). */
    @Override
    public List<ScopedGrant> grantsInScope(RiskTier minRisk, Set<EntitlementId> entitlementIds) {
        List<String> tiers = Arrays.stream(RiskTier.values()).filter(tier -> minRisk == null || tier.compareTo(minRisk) >= 0)
                .map(Enum::name).toList();
        boolean everyEntitlement = entitlementIds == null || entitlementIds.isEmpty();
        return jdbc.sql("SELECT g.grant_id, g.identity_id, g.entitlement_id, e.risk, e.owner_id FROM active_grant_index g"
                        + " JOIN review_entitlement_index e ON e.entitlement_id = g.entitlement_id"
                        + " WHERE e.risk IN (:tiers)" + (everyEntitlement ? "" : " AND g.entitlement_id IN (:entitlements)")
                        + " ORDER BY g.grant_id")
                .param("tiers", tiers)
                .param("entitlements", everyEntitlement ? List.of("") : entitlementIds.stream().map(EntitlementId::value).toList())
                .query((rs, n) -> new ScopedGrant(GrantId.of(rs.getString(1)), IdentityId.of(rs.getString(2)),
                        EntitlementId.of(rs.getString(3)), RiskTier.valueOf(rs.getString(4)), IdentityId.of(rs.getString(5))))
                .list();
    }

    @Override
    public Map<IdentityId, IdentityFacts> identities() {
        Map<IdentityId, IdentityFacts> all = new HashMap<>();
        jdbc.sql("SELECT identity_id, kind, status, manager_id, owner_id FROM identity_index").query(rs -> {
            IdentityId id = IdentityId.of(rs.getString(1));
            all.put(id, new IdentityFacts(id, IdentityKind.valueOf(rs.getString(2)), IdentityStatus.valueOf(rs.getString(3)), null,
                    id(rs.getString(4)), id(rs.getString(5)), Set.of()));
        });
        return all;
    }

    private void reviewer(ReviewId review, IdentityId reviewer) {
        jdbc.sql("UPDATE review_assignment SET reviewer_id = ? WHERE review_id = ?").params(value(reviewer), review.value()).update();
    }

    private static String value(IdentityId id) {
        return id == null ? null : id.value();
    }

    private static IdentityId id(String value) {
        return value == null ? null : IdentityId.of(value);
    }
}
