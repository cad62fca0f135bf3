package io.grantline.command.request;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often one identity may be given break-glass access: at most {@code uses} emergency requests within any
 * {@code window} ({@code grantline.break-glass.per-identity}, written like {@code 2 per P30D}).
 */
public record BreakGlassAllowance(int uses, Duration window) {

    public static final BreakGlassAllowance DEFAULT = new BreakGlassAllowance(2, Duration.ofDays(30));

    private static final Pattern WRITTEN = Pattern.compile("\\s*(\\d{1,6})\\s+per\\s+(\\S+)\\s*");

    public BreakGlassAllowance {
        if (uses < 0) {
            throw new IllegalArgumentException("break-glass uses may not be negative: " + uses);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the break-glass window must be a positive duration: " + window);
        }
    }

    /** Reads {@code "<uses> per <ISO-8601 duration>"}, such as {@code 2 per P30D}; {@code 0 per P1D} turns break-glass off. */
    public static BreakGlassAllowance parse(String written) {
        Matcher matcher = WRITTEN.matcher(written == null ? "" : written);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("grantline.break-glass.per-identity must read like '2 per P30D', not '" + written + "'");
        }
        try {
            return new BreakGlassAllowance(Integer.parseInt(matcher.group(1)),
                    Duration.parse(matcher.group(2).toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException notADuration) {
            throw new IllegalArgumentException("grantline.break-glass.per-identity: '" + matcher.group(2)
                    + "' is not an ISO-8601 duration such as P30D");
        }
    }

    /** "30 days", "12 hours", "90 minutes": the window as people say it (a rejection's detail is shown on pages). */
    public String windowInWords() {
        if (window.toDays() > 0 && window.equals(Duration.ofDays(window.toDays()))) {
            return plural(window.toDays(), "day");
        }
        if (window.toHours() > 0 && window.equals(Duration.ofHours(window.toHours()))) {
            return plural(window.toHours(), "hour");
        }
        return plural(Math.max(1, window.toMinutes()), "minute");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    @Override
    public String toString() {
        return uses + " per " + window;
    }
}
