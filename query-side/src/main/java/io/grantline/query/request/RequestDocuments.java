package io.grantline.query.request;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.AccessRequestStatus;
import io.grantline.api.request.AccessRequestSummary;
import io.grantline.api.request.ApprovalInboxItem;
import io.grantline.api.request.ApprovalPolicy;
import io.grantline.api.request.DecisionAuthentication;
import io.grantline.api.request.RejectionReason;
import io.grantline.api.request.ApprovalStage;
import io.grantline.api.request.DecisionChannel;
import io.grantline.api.request.DecisionFlag;
import io.grantline.api.request.DecisionOutcome;
import io.grantline.api.request.SodException;
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
                AccessRequestStatus.valueOf(doc.getString("status")), policy(doc.get("policy", Document.class)), stages,
                grantId == null ? null : GrantId.of(grantId), rejection(doc.get("rejection", Document.class)),
                instant(doc.getDate("filedAt")), doc.getString("extendsGrantId") == null ? null : GrantId.of(doc.getString("extendsGrantId")),
                sodException(doc.get("sodException", Document.class)));
    }

    private static SodException sodException(Document doc) {
        return doc == null ? null : new SodException(EntitlementId.of(doc.getString("conflictsWith")), doc.getString("reason"));
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
                        decision.getString("comment"), authentication(decision.get("authentication", Document.class)),
                        Boolean.TRUE.equals(decision.getBoolean("reauthenticated")), flags(decision.getList("flags", Document.class))));
    }

    static Document flag(DecisionFlag kind, Duration afterAsked) {
        return new Document("kind", kind.name()).append("afterAsked", afterAsked.toString());
    }

    private static List<AccessRequestSummary.Flag> flags(List<Document> docs) {
        return docs == null ? List.of() : docs.stream().map(doc -> new AccessRequestSummary.Flag(DecisionFlag.valueOf(doc.getString("kind")),
                Duration.parse(doc.getString("afterAsked")))).toList();
    }

    static Document policy(ApprovalPolicy policy) {
        return new Document("stages", policy.stages().stream().map(Enum::name).toList())
                .append("reauthentication", policy.reauthentication())
                .append("longestGrant", policy.longestGrant() == null ? null : policy.longestGrant().toString())
                .append("decisionTable", new Document("key", policy.decisionTable().key())
                        .append("version", policy.decisionTable().version()))
                .append("breakGlass", policy.breakGlass());
    }

    /** Stages are decided while a request is pending, and a break-glass grant's reviews after it was approved. */
    static boolean openForDecisions(Document request) {
        String status = request.getString("status");
        Document policy = request.get("policy", Document.class);
        return AccessRequestStatus.PENDING.name().equals(status) || (AccessRequestStatus.APPROVED.name().equals(status)
                && policy != null && Boolean.TRUE.equals(policy.getBoolean("breakGlass")));
    }

    static Document authentication(DecisionAuthentication authentication) {
        return new Document("method", authentication.method().name())
                .append("signedInAt", authentication.signedInAt() == null ? null : Date.from(authentication.signedInAt()));
    }

    private static ApprovalPolicy policy(Document doc) {
        if (doc == null) {
            return null;
        }
        Document table = doc.get("decisionTable", Document.class);
        String longest = doc.getString("longestGrant");
        return new ApprovalPolicy(doc.getList("stages", String.class).stream().map(ApprovalStage::valueOf).toList(),
                Boolean.TRUE.equals(doc.getBoolean("reauthentication")), longest == null ? null : Duration.parse(longest),
                new ApprovalPolicy.DecisionTableRef(table.getString("key"), table.getInteger("version")),
                Boolean.TRUE.equals(doc.getBoolean("breakGlass")));
    }

    private static DecisionAuthentication authentication(Document doc) {
        return doc == null ? null : new DecisionAuthentication(DecisionAuthentication.Method.valueOf(doc.getString("method")),
                instant(doc.getDate("signedInAt")));
    }

    private static AccessRequestSummary.Rejection rejection(Document doc) {
        return doc == null ? null : new AccessRequestSummary.Rejection(RejectionReason.valueOf(doc.getString("reason")),
                doc.getString("detail"));
    }

    private static Set<IdentityId> identities(List<String> ids) {
        return ids == null ? Set.of() : ids.stream().map(IdentityId::of).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
