package io.grantline.query.common;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The secondary indexes behind the read models' queries by a field, created at start. On a real MongoDB (how
 * production runs) an approver's inbox, a reviewer's open reviews, a requester's requests, an identity's grants and
 * its history's requests are then read through an index instead of a scan of a collection that grows with every
 * request, grant and review ever made. Creating an index that exists changes nothing, so every start may ask. A bean
 * only with a configured MongoDB: the embedded MongoDB-protocol server keeps only {@code _id} indexes (it would log
 * that it ignores each of these at every start); the read models address what must stay fast there by {@code _id}.
 */
public class ReadModelIndexes implements SmartInitializingSingleton {

    /** One index of one collection. */
    public record Wanted(String collection, Index index) {
    }

    private static final Logger log = LoggerFactory.getLogger(ReadModelIndexes.class);

    /** What the query handlers filter and sort by; kept beside them in review (a new query by a field adds a line). */
    public static final List<Wanted> WANTED = List.of(
            new Wanted("approval_inbox", index("approverIds_dueAt").on("approverIds", Direction.ASC).on("dueAt", Direction.ASC)),
            new Wanted("access_requests", index("requesterId_filedAt").on("requesterId", Direction.ASC).on("filedAt", Direction.DESC)),
            new Wanted("access_requests", index("status_filedAt").on("status", Direction.ASC).on("filedAt", Direction.DESC)),
            new Wanted("access_requests", index("filedAt").on("filedAt", Direction.DESC)),
            new Wanted("access_requests", index("beneficiaryId").on("beneficiaryId", Direction.ASC)),
            new Wanted("access_requests", index("approverIds").on("approverIds", Direction.ASC)),
            new Wanted("grants", index("identityId_validFrom").on("identityId", Direction.ASC).on("validFrom", Direction.DESC)),
            new Wanted("grants", index("entitlementId_validFrom").on("entitlementId", Direction.ASC).on("validFrom", Direction.DESC)),
            new Wanted("grants", index("validFrom").on("validFrom", Direction.DESC)),
            new Wanted("entitlements", index("resource").on("resource", Direction.ASC)),
            new Wanted("identities", index("kind").on("kind", Direction.ASC)),
            new Wanted("campaign_reviews", index("reviewerId_closed").on("reviewerId", Direction.ASC).on("closed", Direction.ASC)),
            new Wanted("campaign_reviews", index("campaignId").on("campaignId", Direction.ASC)));

    private final MongoTemplate mongo;

    public ReadModelIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Before the application takes requests: a read model queried before its index exists would scan. */
    @Override
    public void afterSingletonsInstantiated() {
        for (Wanted wanted : WANTED) {
            try {
                mongo.indexOps(wanted.collection()).ensureIndex(wanted.index());
            } catch (RuntimeException e) {
                // a missing index makes reads slower, not wrong: start anyway, say which one and why, and leave the rest
                // to the next start (with the store unreachable, each would wait for the driver's timeout in turn)
                log.warn("Read-model index {} on {} could not be created, nor the {} after it: {}", wanted.index().getIndexKeys(),
                        wanted.collection(), WANTED.size() - WANTED.indexOf(wanted) - 1, e.getMessage());
                return;
            }
        }
    }

    private static Index index(String name) {
        return new Index().named(name);
    }
}
