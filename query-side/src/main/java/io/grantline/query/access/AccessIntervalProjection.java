package io.grantline.query.access;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.grantline.api.compliance.AccessInterval;
import io.grantline.api.compliance.FindIdentityStreams;
import io.grantline.api.compliance.IdentityStreams;
import io.grantline.api.compliance.ListHoldersAt;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.grant.AccessGranted;
import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.GrantRevoked;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import io.grantline.query.common.VersionedUpdates;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Access intervals for as-of questions ("who could reach PLC-7 on 14 March at 02:00?"): one document per grant,
 * {@code from} its start, {@code to} the earlier of its planned end and its revocation. An entitlement's resource is
 * looked up in the catalog when asked, not copied, so the answer follows the catalog as it is now.
 */
@Component
@ProcessingGroup(AccessIntervalProjection.PROCESSING_GROUP)
public class AccessIntervalProjection {

    public static final String PROCESSING_GROUP = "access-views";
    static final String INTERVALS = "access_intervals";
    private static final String ENTITLEMENTS = "entitlements";
    private static final String REQUESTS = "access_requests";

    private final MongoTemplate mongo;
    private final VersionedUpdates intervals;

    public AccessIntervalProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        this.intervals = new VersionedUpdates(mongo, INTERVALS);
        // "holders of E at T" reads by entitlement and start; an identity's grants by identity
        mongo.indexOps(INTERVALS).createIndex(new Index().on("entitlementId", Sort.Direction.ASC).on("from", Sort.Direction.ASC)
                .named("entitlement_from"));
        mongo.indexOps(INTERVALS).createIndex(new Index().on("identityId", Sort.Direction.ASC).named("identity"));
    }

    @EventHandler
    void on(AccessGranted event, @SequenceNumber long sequence) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("identityId", event.identityId().value());
        fields.put("entitlementId", event.entitlementId().value());
        fields.put("from", Date.from(event.validFrom()));
        fields.put("to", Date.from(event.validUntil()));
        intervals.create(event.grantId().value(), sequence, fields);
    }

    @EventHandler
    void on(GrantRevoked event, @SequenceNumber long sequence) {
        // a revocation ends the interval early; one recorded at or after the planned end (expiry) changes nothing
        intervals.apply(event.grantId().value(), sequence, new Update().min("to", Date.from(event.endedAt())));
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), INTERVALS);
    }

    @QueryHandler
    public List<AccessInterval> handle(ListHoldersAt query) {
        Date at = Date.from(query.at());
        Criteria criteria;
        if (query.entitlementId() != null) {
            criteria = where("entitlementId").is(query.entitlementId().value());
        } else {
            List<Object> ofResource = mongo.find(Query.query(where("resource").is(query.resource())), Document.class, ENTITLEMENTS)
                    .stream().map(doc -> doc.get("_id")).toList();
            criteria = where("entitlementId").in(ofResource);
        }
        criteria.and("from").lte(at).and("to").gt(at);
        return mongo.find(new Query(criteria), Document.class, INTERVALS).stream()
                .map(AccessIntervalProjection::interval)
                .sorted(Comparator.comparing((AccessInterval i) -> i.identityId().value()).thenComparing(i -> i.grantId().value()))
                .toList();
    }

    /**
     * The streams of one identity: the grants it holds come from this projection; the requests it filed or benefits
     * from from the request view (the event store could only find them by scanning every payload).
     */
    @QueryHandler
    public IdentityStreams handle(FindIdentityStreams query) {
        String id = query.identityId().value();
        Set<GrantId> grants = mongo.find(Query.query(where("identityId").is(id)), Document.class, INTERVALS).stream()
                .map(doc -> GrantId.of(doc.getString("_id"))).collect(Collectors.toSet());
        Query requestsOf = Query.query(new Criteria().orOperator(where("requesterId").is(id), where("beneficiaryId").is(id)));
        requestsOf.fields().include("_id");
        Set<AccessRequestId> requests = mongo.find(requestsOf, Document.class, REQUESTS).stream()
                .map(doc -> AccessRequestId.of(doc.getString("_id"))).collect(Collectors.toSet());
        return new IdentityStreams(requests, grants);
    }

    private static AccessInterval interval(Document doc) {
        return new AccessInterval(IdentityId.of(doc.getString("identityId")), GrantId.of(doc.getString("_id")),
                EntitlementId.of(doc.getString("entitlementId")), doc.getDate("from").toInstant(), doc.getDate("to").toInstant());
    }
}
