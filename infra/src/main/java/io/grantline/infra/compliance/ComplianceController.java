package io.grantline.infra.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantline.api.campaign.FindReviewsOfGrant;
import io.grantline.api.campaign.FindReviewsOfReviewer;
import io.grantline.api.campaign.ReviewDecisionRecorded;
import io.grantline.api.campaign.ReviewId;
import io.grantline.api.compliance.AccessInterval;
import io.grantline.api.compliance.FindIdentityStreams;
import io.grantline.api.compliance.IdentityStreams;
import io.grantline.api.compliance.ListHoldersAt;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.grant.AccessGranted;
import io.grantline.api.grant.GrantExtended;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import io.grantline.infra.web.NotFound;
import io.grantline.infra.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a compliance officer asks (administrators and compliance officers only; see SecurityConfiguration): the
 * history of a privilege or an identity from the event store, who held what at an instant, an evidence file of a
 * period, and who has read any of it. Every read is logged before it is answered.
 */
@RestController
@RequestMapping("/api/compliance")
class ComplianceController {

    record GrantHistory(String grantId, List<HistoryEvent> events) {
    }

    record IdentityHistory(String identityId, List<HistoryEvent> events) {
    }

    /**
     * The answer recomputed from the events stored up to {@code at}. Its {@code validUntil} is each grant's end as it
     * stood at {@code at} (a later revocation was not yet a fact), so the two answers agree when they name the same
     * holders: the same identities through the same grants of the same entitlements, from the same instants.
     */
    record Replay(List<AccessInterval> holders, boolean agrees) {
    }

    /** {@code replay} only when it was asked for. */
    record AccessAnswer(Instant at, List<AccessInterval> holders, Replay replay) {
    }

    /** A query parameter that is missing or malformed: a 400 problem naming it. */
    static final class BadParameter extends RuntimeException {

        private final String field;

        BadParameter(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    private final EventStoreReader eventStore;
    private final ComplianceReadLog readLog;
    private final AsOfReplay replay;
    private final EvidenceExport export;
    private final QueryGateway queries;

    ComplianceController(EventStoreReader eventStore, ComplianceReadLog readLog, AsOfReplay replay, EvidenceExport export,
                         QueryGateway queries) {
        this.eventStore = eventStore;
        this.readLog = readLog;
        this.replay = replay;
        this.export = export;
        this.queries = queries;
    }

    /**
     * The grant's stream, its request's, those of the extensions that moved its end, and those of the reviews that held
     * it, oldest first. Of a review's stream it
     * shows what the reviewer was given (the review opening, its hand-overs and its close, as stored, so each hash
     * verifies) and the decision on this grant, not the reviewer's decisions on other grants.
     */
    @GetMapping("/grants/{grantId}/history")
    GrantHistory grantHistory(@PathVariable String grantId, Authentication auth) {
        GrantId grant = GrantId.of(grantId);
        readLog.record(auth.getName(), grant + " history");
        List<StoredEvent> own = eventStore.streams(List.of(grant.toString()));
        if (own.isEmpty()) {
            throw new NotFound("grant '" + grantId + "'");
        }
        List<String> streams = new ArrayList<>(List.of(grant.toString()));
        // the request that granted it and every extension request, each decided by its own approvers
        own.stream().filter(event -> event.payloadType().equals(AccessGranted.class.getName())
                        || event.payloadType().equals(GrantExtended.class.getName()))
                .map(event -> eventStore.payload(event.payload()).path("requestId"))
                .filter(JsonNode::isTextual)
                .map(requestId -> AccessRequestId.of(requestId.asText()).toString())
                .distinct()
                .forEach(streams::add);
        reviewsOf(grant).forEach(review -> streams.add(review.toString()));
        return new GrantHistory(grantId, eventStore.streams(streams).stream().filter(event -> concerns(event, Set.of(grant)))
                .map(eventStore::toHistory).toList());
    }

    /**
     * The identity's stream, the requests it filed, benefits from or was asked to approve, the grants it holds or held,
     * the reviews of those grants (as in a grant's history: not their reviewers' decisions on other people's grants) and,
     * whole, the reviews it was given as a reviewer. Those streams are
     * found through the read side (indexed, and the same for every database), the events themselves read from the
     * event store: a request or grant a few hundred milliseconds old may not be listed yet.
     */
    @GetMapping("/identities/{id}/history")
    IdentityHistory identityHistory(@PathVariable String id, Authentication auth) {
        IdentityId identity = IdentityId.of(id);
        readLog.record(auth.getName(), identity + " history");
        IdentityStreams related = queries.query(new FindIdentityStreams(identity), ResponseTypes.instanceOf(IdentityStreams.class))
                .join();
        List<String> streams = new ArrayList<>();
        streams.add(identity.toString());
        related.requestIds().stream().map(AccessRequestId::toString).sorted().forEach(streams::add);
        related.grantIds().stream().map(GrantId::toString).sorted().forEach(streams::add);
        Set<String> given = queries.query(new FindReviewsOfReviewer(identity), ResponseTypes.multipleInstancesOf(ReviewId.class))
                .join().stream().map(ReviewId::toString).collect(Collectors.toCollection(TreeSet::new));
        Set<String> reviews = new TreeSet<>(given);
        related.grantIds().stream().flatMap(grant -> reviewsOf(grant).stream()).map(ReviewId::toString).forEach(reviews::add);
        streams.addAll(reviews);
        List<HistoryEvent> events = eventStore.streams(streams).stream()
                .filter(event -> given.contains(event.aggregateIdentifier()) || concerns(event, related.grantIds()))
                .map(eventStore::toHistory).toList();
        if (events.isEmpty()) {
            throw new NotFound("identity '" + id + "'");
        }
        return new IdentityHistory(id, events);
    }

    /** Holders of an entitlement, or of any entitlement of a resource, at an instant; {@code verify=replay} checks the answer against the events. */
    @GetMapping("/access")
    AccessAnswer access(@RequestParam(required = false) String entitlementId, @RequestParam(required = false) String resource,
                        @RequestParam(required = false) String at, @RequestParam(required = false) String verify,
                        Authentication auth) {
        if ((entitlementId == null) == (resource == null)) {
            throw new BadParameter(entitlementId == null ? "entitlementId" : "resource",
                    "give exactly one of entitlementId and resource");
        }
        EntitlementId entitlement = null;
        if (entitlementId != null) {
            try {
                entitlement = EntitlementId.of(entitlementId);
            } catch (IllegalArgumentException e) {
                throw new BadParameter("entitlementId", e.getMessage());
            }
        }
        if (resource != null && (resource.isBlank() || resource.length() > 200)) {
            throw new BadParameter("resource", "resource must be 1-200 characters");
        }
        Instant instant = instant("at", at);
        boolean replayed = verify != null;
        if (replayed && !"replay".equals(verify)) {
            throw new BadParameter("verify", "verify may only be 'replay'");
        }
        readLog.record(auth.getName(), "access " + (entitlement != null ? entitlement : "resource:" + resource) + " at " + instant
                + (replayed ? " verify=replay" : ""));
        List<AccessInterval> holders = queries.query(new ListHoldersAt(entitlement, resource, instant),
                ResponseTypes.multipleInstancesOf(AccessInterval.class)).join();
        if (!replayed) {
            return new AccessAnswer(instant, holders, null);
        }
        List<AccessInterval> fromEvents = replay.holders(entitlement, resource, instant);
        return new AccessAnswer(instant, holders, new Replay(fromEvents, holderKeys(fromEvents).equals(holderKeys(holders))));
    }

    /**
     * The evidence file of {@code [from, to)}. Written straight to the response while the events are read page by page:
     * memory stays constant, and no asynchronous request time-out cuts a long export short.
     */
    @GetMapping("/export")
    void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String format, Authentication auth, HttpServletResponse response) throws IOException {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start.isAfter(end)) {
            throw new BadParameter("from", "from must not be after to");
        }
        EvidenceExport.Format chosen;
        try {
            chosen = format == null ? EvidenceExport.Format.NDJSON : EvidenceExport.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameter("format", "format must be ndjson or csv");
        }
        readLog.record(auth.getName(), "export " + start + " to " + end + " as " + chosen.extension);
        response.setContentType(chosen.contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("grantline-evidence-" + fileTime(start) + "-" + fileTime(end) + "." + chosen.extension).build().toString());
        export.write(start, end, chosen, response.getOutputStream());
    }

    /** Who read what, newest first (the newest 500). */
    @GetMapping("/read-log")
    List<ComplianceReadLog.Entry> readLog() {
        return readLog.newest();
    }

    @ExceptionHandler(BadParameter.class)
    ProblemDetail badParameter(BadParameter e) {
        return Problems.invalidField(e.field, e.getMessage());
    }

    private static Set<List<Object>> holderKeys(List<AccessInterval> holders) {
        return holders.stream().map(h -> List.<Object>of(h.identityId(), h.grantId(), h.entitlementId(), h.validFrom()))
                .collect(Collectors.toSet());
    }

    private List<ReviewId> reviewsOf(GrantId grant) {
        return queries.query(new FindReviewsOfGrant(grant), ResponseTypes.multipleInstancesOf(ReviewId.class)).join();
    }

    /** A review's decision concerns the grant it names; every other event of the streams read concerns them all. */
    private boolean concerns(StoredEvent event, Set<GrantId> grants) {
        if (!event.payloadType().equals(ReviewDecisionRecorded.class.getName())) {
            return true;
        }
        JsonNode grant = eventStore.payload(event.payload()).path("grantId");
        return grant.isTextual() && grants.contains(GrantId.of(grant.asText()));
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new BadParameter(field, field + " is required: an ISO-8601 instant such as 2025-03-14T02:00:00Z");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameter(field, field + " must be an ISO-8601 instant such as 2025-03-14T02:00:00Z");
        }
    }

    private static String fileTime(Instant instant) {
        return instant.toString().replace(":", "");
    }
}
