package io.grantline.query.grant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.grant.AccessGranted;
import io.grantline.api.grant.EndReason;
import io.grantline.api.grant.FindGrant;
import io.grantline.api.grant.GrantDeprovisioned;
import io.grantline.api.grant.GrantExtended;
import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.GrantProvisioned;
import io.grantline.api.grant.GrantRevoked;
import io.grantline.api.grant.GrantStatus;
import io.grantline.api.grant.GrantSummary;
import io.grantline.api.grant.ListGrants;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import io.grantline.query.common.VersionedUpdates;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Every grant with its status; a grant's resource is looked up in the catalog when asked, not copied. */
@Component
@ProcessingGroup(GrantProjection.PROCESSING_GROUP)
public class GrantProjection {

    public static final String PROCESSING_GROUP = "grant-views";
    static final String GRANTS = "grants";
    private static final String ENTITLEMENTS = "entitlements";

    private final MongoTemplate mongo;
    private final VersionedUpdates grants;

    public GrantProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        this.grants = new VersionedUpdates(mongo, GRANTS);
    }

    @EventHandler
    void on(AccessGranted event, @SequenceNumber long sequence) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("identityId", event.identityId().value());
        fields.put("entitlementId", event.entitlementId().value());
        fields.put("requestId", event.requestId() == null ? null : event.requestId().value());
        fields.put("status", GrantStatus.PENDING_PROVISIONING.name());
        fields.put("validFrom", Date.from(event.validFrom()));
        fields.put("validUntil", Date.from(event.validUntil()));
        grants.create(event.grantId().value(), sequence, fields);
    }

    @EventHandler
    void on(GrantProvisioned event, @SequenceNumber long sequence) {
        grants.apply(event.grantId().value(), sequence, Update.update("status", GrantStatus.ACTIVE.name()));
    }

    @EventHandler
    void on(GrantExtended event, @SequenceNumber long sequence) {
        grants.apply(event.grantId().value(), sequence, Update.update("validUntil", Date.from(event.validUntil())));
    }

    @EventHandler
    void on(GrantRevoked event, @SequenceNumber long sequence) {
        grants.apply(event.grantId().value(), sequence, Update.update("status", GrantStatus.ENDED.name())
                .set("endedAt", Date.from(event.endedAt()))
                .set("endReason", event.reason().name()));
    }

    @EventHandler
    void on(GrantDeprovisioned event, @SequenceNumber long sequence) {
        grants.apply(event.grantId().value(), sequence, Update.update("deprovisioned", true));
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), GRANTS);
    }

    @QueryHandler
    public Optional<GrantSummary> handle(FindGrant query) {
        return Optional.ofNullable(mongo.findById(query.grantId().value(), Document.class, GRANTS)).map(this::summary);
    }

    @QueryHandler
    public List<GrantSummary> handle(ListGrants query) {
        Criteria criteria = new Criteria();
        if (query.identityId() != null) {
            criteria.and("identityId").is(query.identityId().value());
        }
        if (query.entitlementId() != null) {
            criteria.and("entitlementId").is(query.entitlementId().value());
        } else if (query.resource() != null) {
            List<Object> ofResource = mongo.find(Query.query(where("resource").is(query.resource())), Document.class, ENTITLEMENTS)
                    .stream().map(doc -> doc.get("_id")).toList();
            criteria.and("entitlementId").in(ofResource);
        }
        if (Boolean.TRUE.equals(query.ended())) {
            criteria.and("status").is(GrantStatus.ENDED.name());
        } else if (Boolean.FALSE.equals(query.ended())) {
            criteria.and("status").ne(GrantStatus.ENDED.name());
        }
        return mongo.find(new Query(criteria).with(Sort.by(Sort.Direction.DESC, "validFrom")).limit(1000), Document.class, GRANTS)
                .stream().map(this::summary).toList();
    }

    private GrantSummary summary(Document doc) {
        String entitlementId = doc.getString("entitlementId");
        Document entitlement = mongo.findById(entitlementId, Document.class, ENTITLEMENTS);
        String requestId = doc.getString("requestId");
        String endReason = doc.getString("endReason");
        return new GrantSummary(GrantId.of(doc.getString("_id")), IdentityId.of(doc.getString("identityId")),
                EntitlementId.of(entitlementId), entitlement == null ? null : entitlement.getString("resource"),
                requestId == null ? null : AccessRequestId.of(requestId), GrantStatus.valueOf(doc.getString("status")),
                instant(doc.getDate("validFrom")), instant(doc.getDate("validUntil")), instant(doc.getDate("endedAt")),
                endReason == null ? null : EndReason.valueOf(endReason));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
