package io.grantline.workflow.words;

import io.grantline.api.request.ApprovalStage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Instants, durations and stage names in the words a person reads, the same on every page and in every mail:
 * "1 Dec 2026, 14:05" in the site's zone, "2 hours", "Resource owner", "stage 2 of 3". Never {@code PT2H} or a raw
 * ISO instant.
 */
public final class PlainWords {

    private final ZoneId zone;
    private final DateTimeFormatter instants;

    public PlainWords(ZoneId zone) {
        this.zone = zone;
        this.instants = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** "1 Dec 2026, 14:05" in the site's zone; "-" for none. */
    public String instant(Instant instant) {
        return instant == null ? "-" : instants.format(instant);
    }

    /** "2 hours", "1 day 4 hours", "30 minutes": the two largest units, rounded down to the minute. */
    public static String duration(Duration duration) {
        if (duration == null) {
            return "-";
        }
        if (duration.isNegative()) {
            return duration(duration.negated());
        }
        long minutes = duration.toMinutes();
        if (minutes == 0) {
            return duration.isZero() ? "0 minutes" : "less than a minute";
        }
        List<String> parts = new ArrayList<>();
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long rest = minutes % 60;
        add(parts, days, "day");
        add(parts, hours, "hour");
        add(parts, rest, "minute");
        return String.join(" ", parts.subList(0, Math.min(2, parts.size())));
    }

    /** "3 seconds", "less than a second", and from a minute on as {@link #duration(Duration)}: for how quickly someone acted. */
    public static String seconds(Duration duration) {
        if (duration == null || duration.toMinutes() != 0) {
            return duration(duration);
        }
        long seconds = Math.abs(duration.toSeconds());
        return seconds == 0 ? "less than a second" : seconds == 1 ? "1 second" : seconds + " seconds";
    }

    /** "3 hours left", or "ended" once {@code until} has passed. */
    public static String timeLeft(Instant now, Instant until) {
        if (until == null) {
            return "-";
        }
        return now.isBefore(until) ? duration(Duration.between(now, until)) + " left" : "ended";
    }

    /** "Manager", "Resource owner", "OT security". */
    public static String stage(ApprovalStage stage) {
        if (stage == null) {
            return "-";
        }
        return switch (stage) {
            case MANAGER -> "Manager";
            case RESOURCE_OWNER -> "Resource owner";
            case OT_SECURITY -> "OT security";
        };
    }

    /** "stage 2 of 3" for the second of three stages (indexes count from 0). */
    public static String stageOf(int index, int count) {
        return "stage " + (index + 1) + " of " + count;
    }

    /** An enum constant as words: {@code PENDING_PROVISIONING} → "Pending provisioning". */
    public static String constant(Enum<?> value) {
        if (value == null) {
            return "-";
        }
        String words = value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static void add(List<String> parts, long amount, String unit) {
        if (amount > 0) {
            parts.add(amount + " " + unit + (amount == 1 ? "" : "s"));
        }
    }
}
