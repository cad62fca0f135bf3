package io.grantline.query.access;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.grantline.api.compliance.AccessInterval;
import io.grantline.api.compliance.FindIdentityStreams;
import io.grantline.api.compliance.IdentityStreams;
import io.grantline.api.compliance.ListHoldersAt;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.grant.AccessGranted;
import io.grantline.api.grant.GrantExtended;
import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.GrantRevoked;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Access intervals for as-of questions ("who could reach PLC-7 on 14 March at 02:00?"). An interval runs from a grant's
 * start ({@code from}) to the earlier of its planned end and its revocation ({@code to}, excluded). An entitlement's
 * resource is looked up in the catalog when asked, not copied, so the answer follows the catalog as it is now.
 *
 * <p><b>Buckets.</b> The intervals are stored by the bucket pattern, one document per entitlement and calendar month
 * (UTC) of {@code from}: {@code _id = "<entitlementId>|<yyyy-MM>"}, with a sub-document {@code intervals} keyed by
 * grant id ({@code identityId}, {@code from}, {@code to}, {@code version}, the grant stream's sequence number of the
 * last event applied). A grant lasts at most {@value #LONGEST_GRANT_DAYS} days (the longest maximum duration an
 * entitlement may have), so whoever held E at T started in T's month or one of the months back to that of
 * T&nbsp;&minus;&nbsp;{@value #LONGEST_GRANT_DAYS}&nbsp;days: an answer reads those 13 or 14 buckets per entitlement
 * with one {@code $in} on {@code _id} and filters {@code from ≤ T < to} in memory. Why: the embedded server
 * (mongo-java-server) implements no secondary index, only the {@code _id} index, so a range query on {@code from}/{@code
 * to} scanned every interval (p95 40–66 ms with 100,000 intervals, see {@code bench/README.md}); on a real MongoDB the
 * buckets also bound every answer to a few document reads, whatever the history's length.
 *
 * <p>Two small kinds of document live beside the buckets: {@code _id = "grant|<grantId>"} names the bucket of a grant,
 * so that {@link GrantRevoked} (which does not carry the start) finds it, and {@code _id = "identity|<identityId>"}
 * lists the grants of an identity for {@link FindIdentityStreams}. Every read and write addresses a document by
 * {@code _id} alone, the only query the embedded server serves from an index; an event is applied to an interval only
 * if the interval's {@code version} is lower than the event's sequence number (checked by reading first: events of one
 * grant are handled in order by one thread, and each write touches one interval's fields only), so an event delivered
 * twice changes nothing.
 */
@Component
@ProcessingGroup(AccessIntervalProjection.PROCESSING_GROUP)
public class AccessIntervalProjection {

    public static final String PROCESSING_GROUP = "access-views";
    static final String INTERVALS = "access_intervals";
    /** {@code Entitlement.LONGEST_MAX_DURATION} on the command side: no grant outlives its entitlement's maximum. */
    static final int LONGEST_GRANT_DAYS = 366;
    private static final Duration LONGEST_GRANT = Duration.ofDays(LONGEST_GRANT_DAYS);
    private static final String ENTITLEMENTS = "entitlements";
    private static final String REQUESTS = "access_requests";
    private static final String GRANT_PREFIX = "grant|";
    private static final String IDENTITY_PREFIX = "identity|";

    private final MongoTemplate mongo;

    public AccessIntervalProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(AccessGranted event, @SequenceNumber long sequence) {
        String grant = event.grantId().value();
        String bucket = bucketId(event.entitlementId().value(), YearMonth.from(event.validFrom().atZone(ZoneOffset.UTC)));
        String path = "intervals." + key(grant);
        if (versionOf(bucket, key(grant)) < sequence) {
            Update update = new Update()
                    .setOnInsert("entitlementId", event.entitlementId().value())
                    .set(path + ".identityId", event.identityId().value())
                    .set(path + ".from", Date.from(event.validFrom()))
                    .set(path + ".to", Date.from(event.validUntil()))
                    .set(path + ".version", sequence);
            mongo.upsert(byId(bucket), update, INTERVALS);
        }
        // both idempotent, and written after the bucket: a redelivery after a crash completes them
        mongo.upsert(byId(GRANT_PREFIX + grant), new Update().setOnInsert("bucket", bucket), INTERVALS);
        mongo.upsert(byId(IDENTITY_PREFIX + event.identityId().value()), new Update().set("grants." + key(grant), true),
                INTERVALS);
    }

    /**
     * An extension moves the interval's end. A grant may then last longer than a grant's longest duration from its
     * start, so the interval is also written to the bucket of the month its previous end fell in (a carrier): an
     * extension lasts at most that long from there, so a question in the extension's months still finds the grant
     * among the buckets it reads. Every copy carries the whole interval; an answer names each grant once.
     */
    @EventHandler
    void on(GrantExtended event, @SequenceNumber long sequence) {
        String grant = event.grantId().value();
        Document lookup = mongo.findById(GRANT_PREFIX + grant, Document.class, INTERVALS);
        if (lookup == null) {
            return;
        }
        String home = lookup.getString("bucket");
        String path = "intervals." + key(grant);
        Query homeInterval = byId(home);
        homeInterval.fields().include(path + ".from");
        Document homeBucket = mongo.findOne(homeInterval, Document.class, INTERVALS);
        Date from = homeBucket == null ? null : homeBucket.getEmbedded(List.of("intervals", key(grant), "from"), Date.class);
        if (from == null) {
            return;
        }
        String carrier = bucketId(event.entitlementId().value(), YearMonth.from(event.previousValidUntil().atZone(ZoneOffset.UTC)));
        List<String> copies = new ArrayList<>(List.of(home));
        copies.addAll(lookup.getList("carriers", String.class, List.of()));
        if (!copies.contains(carrier)) {
            mongo.upsert(byId(carrier), new Update().setOnInsert("entitlementId", event.entitlementId().value())
                    .set(path + ".identityId", event.identityId().value()).set(path + ".from", from)
                    .set(path + ".to", Date.from(event.validUntil())), INTERVALS);
            mongo.upsert(byId(GRANT_PREFIX + grant), new Update().addToSet("carriers", carrier), INTERVALS);
            copies.add(carrier);
        }
        for (String bucket : copies) {
            long version = versionOf(bucket, key(grant));
            if (version < sequence) {
                mongo.updateFirst(byId(bucket), new Update().set(path + ".to", Date.from(event.validUntil())).set(path + ".version", sequence),
                        INTERVALS);
            }
        }
    }

    @EventHandler
    void on(GrantRevoked event, @SequenceNumber long sequence) {
        Document lookup = mongo.findById(GRANT_PREFIX + event.grantId().value(), Document.class, INTERVALS);
        if (lookup == null) {
            return; // the grant was never seen, as before buckets: nothing to end
        }
        List<String> copies = new ArrayList<>(List.of(lookup.getString("bucket")));
        copies.addAll(lookup.getList("carriers", String.class, List.of()));
        String path = "intervals." + key(event.grantId().value());
        for (String bucket : copies) {
            long version = versionOf(bucket, key(event.grantId().value()));
            if (version >= 0 && version < sequence) {
                // a revocation ends the interval early; one recorded at or after the planned end (expiry) changes nothing
                mongo.updateFirst(byId(bucket), new Update().min(path + ".to", Date.from(event.endedAt())).set(path + ".version", sequence),
                        INTERVALS);
            }
        }
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), INTERVALS);
    }

    @QueryHandler
    public List<AccessInterval> handle(ListHoldersAt query) {
        List<String> entitlements;
        if (query.entitlementId() != null) {
            entitlements = List.of(query.entitlementId().value());
        } else {
            Query ofResource = Query.query(where("resource").is(query.resource()));
            ofResource.fields().include("_id");
            entitlements = mongo.find(ofResource, Document.class, ENTITLEMENTS).stream().map(doc -> doc.get("_id").toString()).toList();
        }
        if (entitlements.isEmpty()) {
            return List.of();
        }
        Instant at = query.at();
        List<String> buckets = new ArrayList<>();
        YearMonth last = YearMonth.from(at.atZone(ZoneOffset.UTC));
        YearMonth first = YearMonth.from(at.minus(LONGEST_GRANT).atZone(ZoneOffset.UTC));
        for (String entitlement : entitlements) {
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                buckets.add(bucketId(entitlement, month));
            }
        }
        Map<String, AccessInterval> holders = new LinkedHashMap<>(); // an extended grant's interval has copies
        for (Document bucket : mongo.find(Query.query(where("_id").in(buckets)), Document.class, INTERVALS)) {
            EntitlementId entitlement = EntitlementId.of(bucket.getString("entitlementId"));
            Document intervals = bucket.get("intervals", Document.class);
            if (intervals == null) {
                continue;
            }
            for (Map.Entry<String, Object> entry : intervals.entrySet()) {
                Document interval = (Document) entry.getValue();
                Instant from = interval.getDate("from").toInstant();
                Instant to = interval.getDate("to").toInstant();
                if (!from.isAfter(at) && at.isBefore(to)) {
                    holders.put(entry.getKey(), new AccessInterval(IdentityId.of(interval.getString("identityId")),
                            GrantId.of(grantId(entry.getKey())), entitlement, from, to));
                }
            }
        }
        return holders.values().stream()
                .sorted(Comparator.comparing((AccessInterval i) -> i.identityId().value()).thenComparing(i -> i.grantId().value()))
                .toList();
    }

    /**
     * The streams of one identity: the grants it holds come from this projection; the requests it filed, benefits
     * from or was asked to decide come from the request view (the event store could only find them by scanning every
     * payload).
     */
    @QueryHandler
    public IdentityStreams handle(FindIdentityStreams query) {
        String id = query.identityId().value();
        Document identity = mongo.findById(IDENTITY_PREFIX + id, Document.class, INTERVALS);
        Document held = identity == null ? null : identity.get("grants", Document.class);
        Set<GrantId> grants = held == null ? Set.of()
                : held.keySet().stream().map(key -> GrantId.of(grantId(key))).collect(Collectors.toSet());
        Query requestsOf = Query.query(new Criteria().orOperator(where("requesterId").is(id), where("beneficiaryId").is(id),
                where("approverIds").is(id)));
        requestsOf.fields().include("_id");
        Set<AccessRequestId> requests = mongo.find(requestsOf, Document.class, REQUESTS).stream()
                .map(doc -> AccessRequestId.of(doc.getString("_id"))).collect(Collectors.toSet());
        return new IdentityStreams(requests, grants);
    }

    /** The version of grant {@code key}'s interval in {@code bucket}, -1 if there is none. */
    private long versionOf(String bucket, String key) {
        Query query = byId(bucket);
        query.fields().include("intervals." + key + ".version");
        Document doc = mongo.findOne(query, Document.class, INTERVALS);
        Object version = doc == null ? null : doc.getEmbedded(List.of("intervals", key, "version"), Object.class);
        return version instanceof Number number ? number.longValue() : -1;
    }

    private static Query byId(String id) {
        return Query.query(where("_id").is(id));
    }

    static String bucketId(String entitlementId, YearMonth month) {
        return entitlementId + "|" + month;
    }

    /** Ids may contain '.', a path separator in field names; '%' is not in their alphabet, so this is reversible. */
    private static String key(String grantId) {
        return grantId.replace(".", "%2E");
    }

    private static String grantId(String key) {
        return key.replace("%2E", ".");
    }
}
