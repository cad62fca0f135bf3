package io.grantline.infra.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Durations as people say them: "5 minutes", "2 hours", "1 day 4 hours", never "PT5M". */
public final class Durations {

    private Durations() {
    }

    public static String inWords(Duration duration) {
        if (duration == null) {
            return "";
        }
        long minutes = duration.toMinutes();
        List<String> parts = new ArrayList<>();
        add(parts, minutes / (24 * 60), "day");
        add(parts, minutes / 60 % 24, "hour");
        add(parts, minutes % 60, "minute");
        if (parts.isEmpty()) {
            add(parts, duration.toSeconds(), "second");
        }
        return parts.isEmpty() ? "0 minutes" : String.join(" ", parts);
    }

    private static void add(List<String> parts, long count, String unit) {
        if (count > 0) {
            parts.add(count + " " + unit + (count == 1 ? "" : "s"));
        }
    }
}
