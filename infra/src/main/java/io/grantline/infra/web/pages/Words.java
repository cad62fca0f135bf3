package io.grantline.infra.web.pages;

import io.grantline.api.request.ApprovalStage;
import io.grantline.workflow.words.PlainWords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The plain words of {@link PlainWords} for templates ({@code ${@words.duration(d)}}), in the site's display zone,
 * plus the conversions the forms need: ISO durations to choose from, and the browser's local date-time fields.
 */
@Component("words")
public class Words {

    /** One option of a duration select: the ISO value a script would send, the label a person reads. */
    public record Choice(String value, String label, long minutes) {
    }

    private static final List<Duration> STEPS = List.of(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1),
            Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(12), Duration.ofDays(1),
            Duration.ofDays(2), Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(30),
            Duration.ofDays(90), Duration.ofDays(180), Duration.ofDays(365));
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final PlainWords plain;
    private final Clock clock;

    Words(PlainWords plain, Clock clock) {
        this.plain = plain;
        this.clock = clock;
    }

    public String instant(Instant instant) {
        return plain.instant(instant);
    }

    public String duration(Duration duration) {
        return PlainWords.duration(duration);
    }

    public String seconds(Duration duration) {
        return PlainWords.seconds(duration);
    }

    public String timeLeft(Instant until) {
        return PlainWords.timeLeft(clock.instant(), until);
    }

    public String stage(ApprovalStage stage) {
        return PlainWords.stage(stage);
    }

    public String constant(Enum<?> value) {
        return PlainWords.constant(value);
    }

    public String zone() {
        return plain.zone().getId();
    }

    /** The usual lengths from {@code minimum} up to {@code maximum}, and the maximum itself. */
    public List<Choice> durations(Duration minimum, Duration maximum) {
        List<Choice> choices = new ArrayList<>();
        for (Duration step : STEPS) {
            if (step.compareTo(minimum) >= 0 && step.compareTo(maximum) < 0) {
                choices.add(choice(step));
            }
        }
        choices.add(choice(maximum));
        return choices;
    }

    /** The value of a {@code datetime-local} field showing {@code instant} in the display zone. */
    public String localInput(Instant instant) {
        return LOCAL_INPUT.format(instant.atZone(plain.zone()).truncatedTo(ChronoUnit.MINUTES));
    }

    /** A {@code datetime-local} field's value, read in the display zone; null when it is not one. */
    public Instant fromLocalInput(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(plain.zone()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public Instant now() {
        return clock.instant();
    }

    private static Choice choice(Duration duration) {
        return new Choice(duration.toString(), PlainWords.duration(duration), duration.toMinutes());
    }
}
