package io.grantline.infra.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantline.workflow.words.PlainWords;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A stored event told as one line of a timeline: when, who, through which channel, what happened in a sentence, and
 * the remaining facts with durations and instants in words. The hash stays available, out of the way.
 */
@Component
class HistoryWords {

    /** One line of a timeline. */
    record Line(String when, String who, String channel, String what, List<String> facts, String stream, long sequence,
                String hash) {
    }

    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*Z");
    private static final Pattern ISO_INSTANT_IN_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");
    private static final Pattern ISO_DURATION = Pattern.compile("P(\\d+D)?(T.*)?");
    private static final Map<String, String> CHANNELS = Map.of("EMAIL_LINK", "from the email link", "WEB", "on a Grantline page",
            "API", "through the API", "PROCESS", "by the process");
    /** Fields that the sentence already says, or that only repeat the stream's own id. */
    private static final List<String> SAID = List.of("requestId", "grantId", "identityId", "entitlementId", "requesterId",
            "beneficiaryId", "approverId", "stage", "stageIndex", "outcome", "channel", "decidedAt");

    private static final List<String> COUNTED = List.of("items", "undecidedGrants");

    private final PlainWords plain;

    HistoryWords(PlainWords plain) {
        this.plain = plain;
    }

    List<Line> timeline(List<HistoryEvent> events) {
        return events.stream().map(this::line).toList();
    }

    Line line(HistoryEvent event) {
        JsonNode p = event.payload();
        String type = event.type() == null ? "" : event.type().substring(event.type().lastIndexOf('.') + 1);
        String what = switch (type) {
            case "AccessRequested" -> "asked for " + text(p, "entitlementId") + " for " + text(p, "beneficiaryId");
            case "ApprovalStageOpened" -> "stage " + (p.path("stageIndex").asInt() + 1) + " (" + stage(p) + ") opened for "
                    + list(p.path("approverIds"));
            case "ApprovalDecisionRecorded" -> ("APPROVE".equals(p.path("outcome").asText()) ? "approved" : "rejected")
                    + " stage " + (p.path("stageIndex").asInt() + 1) + " (" + stage(p) + ")";
            case "ApprovalDecisionFlagged" -> "BREAK_GLASS_REJECTED".equals(p.path("flag").asText())
                    ? "flagged: " + text(p, "approverId") + " rejected break-glass access in review"
                    : "flagged: stage " + (p.path("stageIndex").asInt() + 1) + " was approved "
                    + PlainWords.seconds(duration(p.path("afterAsked"))) + " after " + text(p, "approverId") + " was asked";
            case "AccessRequestApproved" -> "the request was approved";
            case "AccessRequestRejected" -> "the request was rejected";
            case "AccessRequestCancelled" -> "the request was cancelled";
            case "AccessRequestTimedOut" -> "the request timed out";
            case "AccessGranted" -> "granted " + text(p, "entitlementId") + " to " + text(p, "identityId");
            case "GrantProvisioned" -> "the access was set up on the target system";
            case "GrantExtended" -> "the grant was extended until " + value(p.path("validUntil")) + " by request "
                    + text(p, "requestId");
            case "GrantDeprovisioned" -> "the access was removed from the target system";
            case "GrantRevoked", "GrantEnded" -> "the grant ended";
            case "ReviewOpened" -> "put under review by " + reviewer(p, "reviewerId") + ", due " + value(p.path("dueAt"));
            case "ReviewDecisionRecorded" -> ("CERTIFY".equals(p.path("outcome").asText()) ? "certified" : "revoked")
                    + " in review " + text(p, "reviewId");
            case "ReviewDelegated" -> "the review was handed to " + text(p, "toReviewerId");
            case "ReviewEscalated" -> "the review moved to " + text(p, "toReviewerId");
            case "ReviewClosed" -> "the review closed";
            default -> sentence(type);
        };
        List<String> facts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = p.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (SAID.contains(field.getKey()) || field.getValue().isNull() || field.getKey().equals("approverIds") && type.equals("ApprovalStageOpened")) {
                continue;
            }
            // a review's items and what it left undecided can run to thousands of grants: counted, not listed
            facts.add(sentence(field.getKey()) + ": " + (field.getValue().isArray() && COUNTED.contains(field.getKey()) ? Integer.toString(field.getValue().size())
                    : value(field.getValue())));
        }
        String channel = event.channel() == null ? null : CHANNELS.getOrDefault(event.channel(), event.channel().toLowerCase(Locale.ROOT));
        return new Line(plain.instant(event.timestamp()), event.actorId() == null || "system".equals(event.actorId()) ? "Grantline" : event.actorId(), channel, what, facts,
                event.aggregateType() + ":" + event.aggregateId(), event.sequence(), event.hash());
    }

    /** Free text (a read-log subject) with every ISO instant in it put in words. */
    String inWords(String text) {
        return ISO_INSTANT_IN_TEXT.matcher(text).replaceAll(match -> {
            try {
                return plain.instant(Instant.parse(match.group()));
            } catch (DateTimeParseException notOne) {
                return match.group();
            }
        });
    }

    private static Duration duration(JsonNode node) {
        try {
            return node.isTextual() ? Duration.parse(node.asText()) : null;
        } catch (DateTimeParseException notOne) {
            return null;
        }
    }

    private String value(JsonNode node) {
        if (node.isArray()) {
            return list(node);
        }
        if (node.isObject()) {
            List<String> parts = new ArrayList<>();
            node.fields().forEachRemaining(f -> parts.add(sentence(f.getKey()).toLowerCase(Locale.ROOT) + " " + value(f.getValue())));
            return String.join(", ", parts);
        }
        String text = node.asText();
        if (ISO_INSTANT.matcher(text).matches()) {
            try {
                return plain.instant(Instant.parse(text));
            } catch (DateTimeParseException notOne) {
                return text;
            }
        }
        if (ISO_DURATION.matcher(text).matches() && text.length() > 1) {
            try {
                return PlainWords.duration(Duration.parse(text));
            } catch (DateTimeParseException notOne) {
                return text;
            }
        }
        if (node.isBoolean()) {
            return node.asBoolean() ? "yes" : "no";
        }
        if (text.matches("[A-Z][A-Z_]+")) {
            String words = text.toLowerCase(Locale.ROOT).replace('_', ' ');
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
        return text;
    }

    private String list(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(value(item)));
        return items.isEmpty() ? "nobody" : String.join(", ", items);
    }

    private static String stage(JsonNode payload) {
        String stage = payload.path("stage").asText("");
        return switch (stage) {
            case "MANAGER" -> "Manager";
            case "RESOURCE_OWNER" -> "Resource owner";
            case "OT_SECURITY" -> "OT security";
            default -> stage;
        };
    }

    private static String reviewer(JsonNode payload, String field) {
        return payload.path(field).isTextual() ? payload.path(field).asText() : "nobody (no active reviewer found)";
    }

    private static String text(JsonNode payload, String field) {
        return payload.path(field).asText("?");
    }

    /** {@code ApprovalPolicyApplied} → "Approval policy applied"; {@code validUntil} → "Valid until". */
    static String sentence(String camel) {
        String words = camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
