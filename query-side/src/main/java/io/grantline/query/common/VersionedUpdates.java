package io.grantline.query.common;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.result.UpdateResult;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Applies an event to one document only if the document has not seen that event yet: the first event of a stream
 * creates the document, and every later one must be newer than the document's {@code version}. So an event that is
 * delivered twice (a crash between the write and the token update) changes nothing the second time.
 * <p>
 * Every read and write addresses the document by {@code _id} alone: the embedded MongoDB-protocol server serves only
 * that from an index, and a filter on {@code _id} and {@code version} together made each update scan the whole
 * collection (slower with every request ever filed). Reading the version first and then writing is safe because a
 * stream's events reach its projection one at a time, in order (one tracking segment per stream).
 * <p>
 * Within one batch of events (one unit of work) a document's version is remembered once read or written, so a
 * stream's events that arrive together (a request's filing and its policy, a decision and the approval) read it once.
 */
public final class VersionedUpdates {

    private final MongoTemplate mongo;
    private final String collection;

    public VersionedUpdates(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    /** Creates the document from the stream's first event; a repeat finds it present and changes nothing. */
    public void create(String id, long sequence, Map<String, ?> fields) {
        Update insertOnly = new Update().setOnInsert("version", sequence);
        fields.forEach(insertOnly::setOnInsert);
        UpdateResult result = mongo.upsert(query(where("_id").is(id)), insertOnly, collection);
        if (result.getUpsertedId() != null) {
            knownVersions().put(id, sequence);
        } else {
            // a repeat: the document may have applied later events already
            knownVersions().remove(id);
        }
    }

    /** Applies a later event if the document has not applied it, or a newer one, already. */
    public void apply(String id, long sequence, Update fields) {
        Map<String, Long> known = knownVersions();
        Long version = known.get(id);
        if (version == null) {
            Query byId = query(where("_id").is(id));
            byId.fields().include("version");
            Document current = mongo.findOne(byId, Document.class, collection);
            if (current == null || !(current.get("version") instanceof Number stored)) {
                return;
            }
            version = stored.longValue();
            known.put(id, version);
        }
        if (version >= sequence) {
            return;
        }
        mongo.updateFirst(query(where("_id").is(id)), fields.set("version", sequence), collection);
        known.put(id, sequence);
    }

    /** The versions this batch has read or written, per document; nothing is kept outside a unit of work. */
    private Map<String, Long> knownVersions() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new HashMap<>();
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(VersionedUpdates.class.getName() + "." + collection,
                key -> new HashMap<>());
    }
}
