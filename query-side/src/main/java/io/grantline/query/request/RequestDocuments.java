package io.grantline.query.request;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.AccessRequestStatus;
import io.grantline.api.request.AccessRequestSummary;
import io.grantline.api.request.ApprovalInboxItem;
import io.grantline.api.request.ApprovalStage;
import io.grantline.api.request.DecisionChannel;
import io.grantline.api.request.DecisionOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.bson.Document;

/** Reads the request documents back into the API's shapes. */
final class RequestDocuments {

    private RequestDocuments() {
    }

    static AccessRequestSummary summary(Document doc) {
        Object rawStages = doc.get("stages");
        List<AccessRequestSummary.Stage> stages = rawStages instanceof Document byIndex
                ? byIndex.values().stream().map(Document.class::cast).map(RequestDocuments::stage)
                        .sorted(java.util.Comparator.comparingInt(AccessRequestSummary.Stage::index)).toList()
                : List.of();
        String grantId = doc.getString("grantId");
        return new AccessRequestSummary(AccessRequestId.of(doc.getString("_id")), IdentityId.of(doc.getString("requesterId")),
                IdentityId.of(doc.getString("beneficiaryId")), EntitlementId.of(doc.getString("entitlementId")),
                doc.getString("justification"), doc.getString("ticket"), Duration.parse(doc.getString("duration")),
                AccessRequestStatus.valueOf(doc.getString("status")), stages, grantId == null ? null : GrantId.of(grantId),
                instant(doc.getDate("filedAt")));
    }

    static ApprovalInboxItem inboxItem(Document doc) {
        return new ApprovalInboxItem(doc.getString("_id"), AccessRequestId.of(doc.getString("requestId")),
                doc.getInteger("stageIndex"), ApprovalStage.valueOf(doc.getString("stage")),
                EntitlementId.of(doc.getString("entitlementId")), IdentityId.of(doc.getString("beneficiaryId")),
                instant(doc.getDate("dueAt")));
    }

    private static AccessRequestSummary.Stage stage(Document doc) {
        Document decision = doc.get("decision", Document.class);
        return new AccessRequestSummary.Stage(doc.getInteger("index"), ApprovalStage.valueOf(doc.getString("name")),
                identities(doc.getList("approverIds", String.class)), Boolean.TRUE.equals(doc.getBoolean("reauthenticationRequired")),
                instant(doc.getDate("decideBy")), decision == null ? null : new AccessRequestSummary.Decision(
                        IdentityId.of(decision.getString("approverId")), DecisionOutcome.valueOf(decision.getString("outcome")),
                        DecisionChannel.valueOf(decision.getString("channel")), instant(decision.getDate("at")),
                        decision.getString("comment"), Boolean.TRUE.equals(decision.getBoolean("reauthenticated"))));
    }

    private static Set<IdentityId> identities(List<String> ids) {
        return ids == null ? Set.of() : ids.stream().map(IdentityId::of).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
