package io.grantline.infra.compliance.replay;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.grantline.query.access.AccessIntervalProjection;
import io.grantline.query.campaign.CampaignProjection;
import io.grantline.query.catalog.CatalogProjection;
import io.grantline.query.grant.GrantProjection;
import io.grantline.query.request.AccessRequestProjection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every read model from the events and puts the rebuilt state in place of the live one, reporting what
 * differed. The service keeps answering throughout:
 *
 * <ol>
 *   <li>The event store's head H (its highest global index) is noted.</li>
 *   <li>Fresh instances of the four projections, on a scratch database {@code <live>_replay_<millis>} of the same
 *       MongoDB server, are fed every event up to H in global order, through Axon's annotation adapter, so exactly the
 *       handlers and parameters (sequence number, timestamp) the live processors use decide the result.</li>
 *   <li>The live tracking processors may not have reached H yet. Their tokens (in {@code trackingtokens}, beside the
 *       read models, docs/adr/0002) are polled for up to {@value #CATCH_UP_SECONDS} s; if events were stored meanwhile,
 *       the rebuild follows to the new head and the wait repeats, a few rounds at most. If the live side does not catch
 *       up, the report says so, lists what differs (partly its lag) and swaps nothing: a processor that is stuck on an
 *       event must be repaired, not papered over.</li>
 *   <li>Every collection the projections own is compared document by document (by {@code _id}) and field by field.</li>
 *   <li>The rebuilt state is swapped in by <em>reconciling</em> each live collection to its rebuilt twin: a differing
 *       document is replaced, a missing one inserted, one the rebuild does not have deleted. Each live document is
 *       written only if it is still the one compared (same {@code version}): an event a live processor applied in the
 *       meantime wins over the rebuild, which had not seen it.</li>
 * </ol>
 *
 * <p>Why reconcile rather than swap whole collections: MongoDB renames collections only within one database (and a
 * rename drops the target, so readers would briefly see nothing or an index-less collection), and the embedded
 * mongo-java-server has no transactions to make a multi-collection switch atomic. Reconciliation touches only what
 * differs, keeps the live collections, their indexes and the processors' tokens as they are, and readers see each
 * document either before or after its repair, never a missing collection. The scratch database is dropped afterwards.
 * One replay runs at a time per application instance (docs/adr/0005).
 */
@Component
public class ReadModelReplay {

    /** Differences listed in a report; the count covers them all. */
    public static final int MAX_LISTED = 1000;

    static final List<String> COLLECTIONS = List.of("identities", "entitlements", "access_requests", "approval_inbox", "grants",
            "access_intervals", "campaigns", "campaign_reviews", "review_items", "grant_certifications", "grant_reviews",
            "reviewer_reviews");
    static final List<String> PROCESSORS = List.of(CatalogProjection.PROCESSING_GROUP, AccessRequestProjection.PROCESSING_GROUP,
            GrantProjection.PROCESSING_GROUP, AccessIntervalProjection.PROCESSING_GROUP, CampaignProjection.PROCESSING_GROUP);

    static final int CATCH_UP_SECONDS = 10;
    private static final int CATCH_UP_ROUNDS = 5;
    private static final long POLL_MILLIS = 50;
    private static final int BATCH = 500;
    private static final String TOKENS = "trackingtokens";

    private static final Logger log = LoggerFactory.getLogger(ReadModelReplay.class);

    private final MongoTemplate live;
    private final MongoClient client;
    private final MongoProperties mongoProperties;
    private final EventStorageEngine eventStore;
    private final Serializer serializer;
    private final ReentrantLock running = new ReentrantLock();

    public ReadModelReplay(MongoTemplate live, MongoClient client, MongoProperties mongoProperties, EventStorageEngine eventStore,
                           Serializer serializer) {
        this.live = live;
        this.client = client;
        this.mongoProperties = mongoProperties;
        this.eventStore = eventStore;
        this.serializer = serializer;
    }

    /** A replay was asked for while another one is running. */
    public static final class AlreadyRunning extends RuntimeException {

        AlreadyRunning() {
            super("a read-model replay is already running", null, false, false);
        }
    }

    /**
     * Rebuilds, compares and swaps in; see the class comment.
     *
     * @throws AlreadyRunning when another replay has not finished yet
     */
    public ReplayReport replay() {
        if (!running.tryLock()) {
            throw new AlreadyRunning();
        }
        try {
            return run();
        } finally {
            running.unlock();
        }
    }

    private ReplayReport run() {
        long started = System.nanoTime();
        String scratchName = live.getDb().getName() + "_replay_" + System.currentTimeMillis();
        MongoTemplate scratch = new MongoTemplate(new SimpleMongoClientDatabaseFactory(client, scratchName), live.getConverter());
        try {
            Rebuild rebuild = new Rebuild(scratch);
            long head = head();
            rebuild.feedUpTo(head);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CATCH_UP_SECONDS);
            boolean caughtUp = false;
            for (int round = 0; round < CATCH_UP_ROUNDS; round++) {
                caughtUp = awaitLive(rebuild.lastHandled(), deadline);
                long newHead = head();
                if (!caughtUp || newHead <= head) {
                    break;
                }
                // events were stored while we rebuilt or waited: follow them, so both sides describe the same events
                head = newHead;
                rebuild.feedUpTo(head);
                caughtUp = false;
            }
            if (!caughtUp) {
                log.warn("Read-model replay: the live read models did not reach global index {} within {} s; nothing swapped; "
                        + "least advanced per processor: {}", head, CATCH_UP_SECONDS, positions());
            }

            Differences differences = new Differences();
            // the known collections, and any the rebuild wrote that a newer projection added and the list forgot
            Set<String> collections = new TreeSet<>(COLLECTIONS);
            scratch.getCollectionNames().stream().filter(name -> !name.startsWith("system.")).forEach(collections::add);
            for (String collection : collections) {
                reconcile(collection, scratch, differences, caughtUp);
            }
            long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            log.info("Read-model replay of {} events up to global index {}: {} differences, swapped: {}, {} ms",
                    rebuild.events, head, differences.count, caughtUp, durationMs);
            return new ReplayReport(rebuild.events, durationMs, rebuild.eventsPerSecond(), caughtUp, caughtUp, differences.count,
                    List.copyOf(differences.listed));
        } finally {
            client.getDatabase(scratchName).drop();
        }
    }

    /** The highest global index stored, or -1 for an empty event store. */
    private long head() {
        return position(eventStore.createHeadToken());
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    /** Fresh projections writing to the scratch database, and where the rebuild stands in the event stream. */
    private final class Rebuild {

        /** In the order of {@link #PROCESSORS}. */
        private final List<AnnotationEventHandlerAdapter> handlers;
        /** Per processor, the global index of the last event it handles, up to the head fed so far. */
        private final Map<String, Long> lastHandled = new HashMap<>();
        private TrackingToken last;
        private long events;
        private long feedingNanos;

        private Rebuild(MongoTemplate scratch) {
            handlers = Stream.<Object>of(new CatalogProjection(scratch), new AccessRequestProjection(scratch),
                            new GrantProjection(scratch), new AccessIntervalProjection(scratch), new CampaignProjection(scratch))
                    .map(projection -> new AnnotationEventHandlerAdapter(projection,
                            ClasspathParameterResolverFactory.forClass(projection.getClass())))
                    .toList();
        }

        Map<String, Long> lastHandled() {
            return lastHandled;
        }

        /** Feeds every event after the last one fed, in global order, up to and including {@code head}. */
        private void feedUpTo(long head) {
            if (head < 0) {
                return;
            }
            long start = System.nanoTime();
            try (Stream<? extends TrackedEventMessage<?>> stream = eventStore.readEvents(last, false)) {
                Iterator<? extends TrackedEventMessage<?>> messages = stream.iterator();
                while (messages.hasNext()) {
                    TrackedEventMessage<?> message = messages.next();
                    if (position(message.trackingToken()) > head) {
                        break;
                    }
                    for (int i = 0; i < handlers.size(); i++) {
                        if (handlers.get(i).canHandle(message)) {
                            handle(handlers.get(i), message);
                            lastHandled.put(PROCESSORS.get(i), position(message.trackingToken()));
                        }
                    }
                    last = message.trackingToken();
                    events++;
                }
            } finally {
                feedingNanos += System.nanoTime() - start;
            }
        }

        private void handle(AnnotationEventHandlerAdapter handler, TrackedEventMessage<?> message) {
            try {
                handler.handle(message);
            } catch (Exception e) {
                throw new IllegalStateException("replaying " + message.getPayloadType().getSimpleName() + " at global index "
                        + position(message.trackingToken()) + " into " + handler.getTargetType().getSimpleName() + " failed", e);
            }
        }

        private double eventsPerSecond() {
            if (events == 0 || feedingNanos == 0) {
                return 0;
            }
            return Math.round(events * 10.0 * TimeUnit.SECONDS.toNanos(1) / feedingNanos) / 10.0;
        }
    }

    /** Whether every live processor has handled every event up to {@code head}, polling until the deadline. */
    private boolean awaitLive(Map<String, Long> lastHandled, long deadline) {
        while (!liveAt(lastHandled)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Each processor's least advanced segment is at or past the last event up to the head that it handles; a processor
     * without tokens has not started. Not the head itself: Axon's event store skips the event types a processor does
     * not handle, so the token of a processor of rare events (campaigns) rests at its last one until the next arrives.
     */
    private boolean liveAt(Map<String, Long> lastHandled) {
        Map<String, Long> leastAdvanced = positions();
        return PROCESSORS.stream().allMatch(processor -> !lastHandled.containsKey(processor)
                || leastAdvanced.getOrDefault(processor, -1L) >= lastHandled.get(processor));
    }

    /** Each processor's least advanced segment, for the operator when the live side lags. */
    private Map<String, Long> positions() {
        MongoCollection<Document> tokens = client.getDatabase(mongoProperties.getMongoClientDatabase()).getCollection(TOKENS);
        Map<String, Long> leastAdvanced = new java.util.TreeMap<>();
        for (Document entry : tokens.find(in("processorName", PROCESSORS))) {
            leastAdvanced.merge(entry.getString("processorName"), position(token(entry)), Math::min);
        }
        return leastAdvanced;
    }

    /** The token as the Mongo token store wrote it: the serialized token and its type. */
    private TrackingToken token(Document entry) {
        Object stored = entry.get("token");
        byte[] bytes = stored instanceof Binary binary ? binary.getData() : stored instanceof byte[] raw ? raw : null;
        String type = entry.getString("tokenType");
        if (bytes == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }

    /** Compares one collection and, when {@code swap}, brings the live one to the rebuilt state. */
    private void reconcile(String collection, MongoTemplate scratch, Differences differences, boolean swap) {
        MongoCollection<Document> rebuilt = scratch.getCollection(collection);
        MongoCollection<Document> current = live.getCollection(collection);
        Set<Object> rebuiltIds = new HashSet<>();
        List<Document> batch = new ArrayList<>(BATCH);
        for (Document document : rebuilt.find().sort(Sorts.ascending("_id"))) {
            batch.add(document);
            if (batch.size() == BATCH) {
                reconcileBatch(collection, batch, current, rebuiltIds, differences, swap);
                batch.clear();
            }
        }
        reconcileBatch(collection, batch, current, rebuiltIds, differences, swap);

        List<Document> liveOnly = new ArrayList<>();
        for (Document document : current.find().projection(Projections.include("_id")).sort(Sorts.ascending("_id"))) {
            if (!rebuiltIds.contains(document.get("_id"))) {
                liveOnly.add(document);
            }
        }
        for (Document key : liveOnly) {
            Document document = current.find(eq("_id", key.get("_id"))).first();
            if (document == null) {
                continue;
            }
            differences.add(new Difference(collection, DocumentDiff.idText(document.get("_id")), null, DocumentDiff.json(document), null));
            if (swap) {
                current.deleteOne(unchanged(document));
            }
        }
    }

    private void reconcileBatch(String collection, List<Document> batch, MongoCollection<Document> current, Set<Object> rebuiltIds,
                                Differences differences, boolean swap) {
        if (batch.isEmpty()) {
            return;
        }
        List<Object> ids = batch.stream().map(document -> document.get("_id")).toList();
        rebuiltIds.addAll(ids);
        Map<Object, Document> liveById = new HashMap<>();
        current.find(in("_id", ids)).forEach(document -> liveById.put(document.get("_id"), document));
        for (Document rebuilt : batch) {
            Object id = rebuilt.get("_id");
            String idText = DocumentDiff.idText(id);
            Document existing = liveById.get(id);
            if (existing == null) {
                differences.add(new Difference(collection, idText, null, null, DocumentDiff.json(rebuilt)));
                if (swap) {
                    insertUnlessPresent(current, rebuilt);
                }
                continue;
            }
            List<DocumentDiff.Field> fields = DocumentDiff.fields(existing, rebuilt);
            fields.forEach(field -> differences.add(new Difference(collection, idText, field.path(), field.live(), field.rebuilt())));
            if (swap && !fields.isEmpty()) {
                current.replaceOne(unchanged(existing), rebuilt);
            }
        }
    }

    /** Matches the live document only while it is the version compared; a newer one, written meanwhile, is left alone. */
    private static Bson unchanged(Document live) {
        Bson id = eq("_id", live.get("_id"));
        return live.containsKey("version") ? and(id, eq("version", live.get("version"))) : id;
    }

    /** A live processor may have created the document meanwhile; then its version stands. */
    private static void insertUnlessPresent(MongoCollection<Document> current, Document rebuilt) {
        try {
            current.insertOne(rebuilt);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Counts every difference and keeps the first {@value #MAX_LISTED}. */
    private static final class Differences {

        private final List<Difference> listed = new ArrayList<>();
        private long count;

        private void add(Difference difference) {
            count++;
            if (listed.size() < MAX_LISTED) {
                listed.add(difference);
            }
        }
    }
}
