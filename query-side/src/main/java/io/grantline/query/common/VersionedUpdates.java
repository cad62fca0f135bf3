package io.grantline.query.common;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Applies an event to one document only if the document has not seen that event yet: the first event of a stream
 * creates the document, and every later one must be newer than the document's {@code version}. So an event that is
 * delivered twice (a crash between the write and the token update) changes nothing the second time.
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
        mongo.upsert(query(where("_id").is(id)), insertOnly, collection);
    }

    /** Applies a later event if the document has not applied it, or a newer one, already. */
    public void apply(String id, long sequence, Update fields) {
        mongo.updateFirst(query(where("_id").is(id).and("version").lt(sequence)), fields.set("version", sequence), collection);
    }
}
