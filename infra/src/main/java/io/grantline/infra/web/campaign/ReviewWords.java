package io.grantline.infra.web.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Instants and durations on the review page in words, never {@code PT2H} or a raw ISO instant. */
final class ReviewWords {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private ReviewWords() {
    }

    /** "3 months", "12 days", "5 hours", "a few minutes". */
    static String span(Instant from, Instant to) {
        if (from == null || to == null) {
            return "unknown";
        }
        Duration held = Duration.between(from, to);
        long days = held.toDays();
        if (days >= 730) {
            return days / 365 + " years";
        }
        if (days >= 60) {
            return days / 30 + " months";
        }
        if (days >= 2) {
            return days + " days";
        }
        if (held.toHours() >= 2) {
            return held.toHours() + " hours";
        }
        return held.toMinutes() >= 2 ? held.toMinutes() + " minutes" : "a few minutes";
    }

    /** "14 April 2026, 00:00 (UTC)". */
    static String at(Instant instant, ZoneId zone) {
        return instant == null ? "never" : DAY.withZone(zone).format(instant) + " (" + zone.getId() + ")";
    }
}
