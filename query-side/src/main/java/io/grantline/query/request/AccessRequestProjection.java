package io.grantline.query.request;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestApproved;
import io.grantline.api.request.AccessRequestCancelled;
import io.grantline.api.request.AccessRequestRejected;
import io.grantline.api.request.AccessRequestStatus;
import io.grantline.api.request.AccessRequestSummary;
import io.grantline.api.request.AccessRequestTimedOut;
import io.grantline.api.request.AccessRequested;
import io.grantline.api.request.ApprovalDecisionFlagged;
import io.grantline.api.request.ApprovalDecisionRecorded;
import io.grantline.api.request.ApprovalInboxItem;
import io.grantline.api.request.ApprovalStageEscalated;
import io.grantline.api.request.ApprovalPolicyApplied;
import io.grantline.api.request.ApprovalStageOpened;
import io.grantline.api.request.ApprovalStageReassigned;
import io.grantline.api.request.FindAccessRequest;
import io.grantline.api.request.ListAccessRequests;
import io.grantline.api.request.ListApprovalInbox;
import io.grantline.query.common.VersionedUpdates;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Requests with their stages and decisions, and each approver's inbox of open stages. Stage {@code i} lives at
 * {@code stages.i}; an inbox item is one open stage, removed when the stage is decided or the request ends.
 */
@Component
@ProcessingGroup(AccessRequestProjection.PROCESSING_GROUP)
public class AccessRequestProjection {

    public static final String PROCESSING_GROUP = "request-views";
    static final String REQUESTS = "access_requests";
    static final String INBOX = "approval_inbox";

    private final MongoTemplate mongo;
    private final VersionedUpdates requests;

    public AccessRequestProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        this.requests = new VersionedUpdates(mongo, REQUESTS);
    }

    @EventHandler
    void on(AccessRequested event, @SequenceNumber long sequence, @Timestamp Instant filedAt) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("requesterId", event.requesterId().value());
        fields.put("beneficiaryId", event.beneficiaryId().value());
        fields.put("entitlementId", event.entitlementId().value());
        fields.put("justification", event.justification());
        fields.put("ticket", event.ticket());
        fields.put("duration", event.duration().toString());
        fields.put("status", AccessRequestStatus.PENDING.name());
        fields.put("stages", new Document());
        fields.put("approverIds", List.of());
        fields.put("filedAt", Date.from(filedAt));
        if (event.extendsGrantId() != null) {
            fields.put("extendsGrantId", event.extendsGrantId().value());
        }
        if (event.sodException() != null) {
            fields.put("sodException", new Document("conflictsWith", event.sodException().conflictsWith().value())
                    .append("reason", event.sodException().reason()));
        }
        requests.create(event.requestId().value(), sequence, fields);
    }

    @EventHandler
    void on(ApprovalPolicyApplied event, @SequenceNumber long sequence) {
        requests.apply(event.requestId().value(), sequence, Update.update("policy", RequestDocuments.policy(event.policy())));
    }

    @EventHandler
    void on(ApprovalStageOpened event, @SequenceNumber long sequence) {
        String stage = "stages." + event.stageIndex();
        List<String> approvers = ids(event.approverIds());
        requests.apply(event.requestId().value(), sequence, new Update()
                .set(stage + ".index", event.stageIndex())
                .set(stage + ".name", event.stage().name())
                .set(stage + ".approverIds", approvers)
                .set(stage + ".reauthenticationRequired", event.reauthenticationRequired())
                .set(stage + ".decideBy", Date.from(event.decideBy()))
                .addToSet("approverIds").each(approvers.toArray()));
        Document request = mongo.findById(event.requestId().value(), Document.class, REQUESTS);
        if (request != null && RequestDocuments.openForDecisions(request)) {
            mongo.upsert(query(where("_id").is(ApprovalInboxItem.taskId(event.requestId(), event.stageIndex()))), new Update()
                    .set("requestId", event.requestId().value())
                    .set("stageIndex", event.stageIndex())
                    .set("stage", event.stage().name())
                    .set("entitlementId", request.getString("entitlementId"))
                    .set("beneficiaryId", request.getString("beneficiaryId"))
                    .set("approverIds", approvers)
                    .set("dueAt", Date.from(event.decideBy())), INBOX);
        }
    }

    @EventHandler
    void on(ApprovalStageEscalated event, @SequenceNumber long sequence) {
        moved(event.requestId().value(), event.stageIndex(), event.approverIds(), sequence);
    }

    @EventHandler
    void on(ApprovalStageReassigned event, @SequenceNumber long sequence) {
        moved(event.requestId().value(), event.stageIndex(), event.approverIds(), sequence);
    }

    /** The stage has new approvers; earlier ones keep reading the request, but it leaves their inbox. */
    private void moved(String requestId, int stageIndex, Set<IdentityId> approverIds, long sequence) {
        List<String> approvers = ids(approverIds);
        requests.apply(requestId, sequence, new Update()
                .set("stages." + stageIndex + ".approverIds", approvers)
                .addToSet("approverIds").each(approvers.toArray()));
        mongo.updateFirst(query(where("_id").is(requestId + "." + stageIndex)), Update.update("approverIds", approvers), INBOX);
    }

    @EventHandler
    void on(ApprovalDecisionRecorded event, @SequenceNumber long sequence) {
        Document decision = new Document("approverId", event.approverId().value())
                .append("outcome", event.outcome().name())
                .append("channel", event.channel().name())
                .append("at", Date.from(event.decidedAt()))
                .append("comment", event.comment())
                .append("authentication", RequestDocuments.authentication(event.authentication()))
                .append("reauthenticated", event.reauthenticated());
        requests.apply(event.requestId().value(), sequence, Update.update("stages." + event.stageIndex() + ".decision", decision));
        mongo.remove(query(where("_id").is(ApprovalInboxItem.taskId(event.requestId(), event.stageIndex()))), INBOX);
    }

    @EventHandler
    void on(ApprovalDecisionFlagged event, @SequenceNumber long sequence) {
        requests.apply(event.requestId().value(), sequence, new Update().addToSet("stages." + event.stageIndex() + ".decision.flags",
                RequestDocuments.flag(event.flag(), event.afterAsked())));
    }

    @EventHandler
    void on(AccessRequestApproved event, @SequenceNumber long sequence) {
        requests.apply(event.requestId().value(), sequence, Update.update("status", AccessRequestStatus.APPROVED.name())
                .set("grantId", event.grantId().value()));
        closeInbox(event.requestId().value());
    }

    @EventHandler
    void on(AccessRequestRejected event, @SequenceNumber long sequence) {
        requests.apply(event.requestId().value(), sequence, Update.update("status", AccessRequestStatus.REJECTED.name())
                .set("rejection", new Document("reason", event.reason().name()).append("detail", event.detail())));
        closeInbox(event.requestId().value());
    }

    @EventHandler
    void on(AccessRequestCancelled event, @SequenceNumber long sequence) {
        ended(event.requestId().value(), sequence, AccessRequestStatus.CANCELLED);
    }

    @EventHandler
    void on(AccessRequestTimedOut event, @SequenceNumber long sequence) {
        ended(event.requestId().value(), sequence, AccessRequestStatus.TIMED_OUT);
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), REQUESTS);
        mongo.remove(new Query(), INBOX);
    }

    @QueryHandler
    public Optional<AccessRequestSummary> handle(FindAccessRequest query) {
        return Optional.ofNullable(mongo.findById(query.requestId().value(), Document.class, REQUESTS))
                .map(RequestDocuments::summary);
    }

    @QueryHandler
    public List<AccessRequestSummary> handle(ListAccessRequests query) {
        Criteria criteria = new Criteria();
        if (query.requesterId() != null) {
            criteria.and("requesterId").is(query.requesterId().value());
        }
        if (query.status() != null) {
            criteria.and("status").is(query.status().name());
        }
        return mongo.find(new Query(criteria).with(Sort.by(Sort.Direction.DESC, "filedAt")).limit(500), Document.class, REQUESTS)
                .stream().map(RequestDocuments::summary).toList();
    }

    @QueryHandler
    public List<ApprovalInboxItem> handle(ListApprovalInbox query) {
        return mongo.find(query(where("approverIds").is(query.approverId().value())).with(Sort.by("dueAt")), Document.class, INBOX)
                .stream().map(RequestDocuments::inboxItem).toList();
    }

    private void ended(String requestId, long sequence, AccessRequestStatus status) {
        requests.apply(requestId, sequence, Update.update("status", status.name()));
        closeInbox(requestId);
    }

    /**
     * Removes the request's open stages from every inbox. By {@code _id}: the embedded server answers a filter on any
     * other field by reading the whole collection.
     */
    private void closeInbox(String requestId) {
        Query stagesOf = query(where("_id").is(requestId));
        stagesOf.fields().include("stages");
        Document request = mongo.findOne(stagesOf, Document.class, REQUESTS);
        if (request == null || !(request.get("stages") instanceof Document stages) || stages.isEmpty()) {
            return;
        }
        List<String> taskIds = stages.keySet().stream().map(index -> requestId + "." + index).toList();
        mongo.remove(query(where("_id").in(taskIds)), INBOX);
    }

    private static List<String> ids(Set<IdentityId> ids) {
        return ids.stream().map(IdentityId::value).toList();
    }
}
