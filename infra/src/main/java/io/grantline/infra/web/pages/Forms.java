package io.grantline.infra.web.pages;

import io.grantline.api.common.RuleViolation;
import io.grantline.infra.web.NotFound;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A form post, answered the way people expect: on success the next page; on a broken rule or a bad field, back to
 * the form with the reason in words (the same message the API gives), nothing stored. The rules themselves stay in
 * the aggregates and the API's validation: a form builds the API's body and checks it with the same constraints.
 */
@Component
public class Forms {

    /** A field the person has to correct. */
    public static final class Invalid extends RuntimeException {

        public Invalid(String field, String message) {
            super(field == null ? message : field + ": " + message, null, false, false);
        }
    }

    private final Validator validator;

    Forms(Validator validator) {
        this.validator = validator;
    }

    /** The API body's own constraints, checked before it is sent: the first broken one names its field. */
    public <T> T valid(T body) {
        Optional<ConstraintViolation<T>> first = validator.validate(body).stream()
                .min(Comparator.comparing(v -> v.getPropertyPath().toString()));
        first.ifPresent(v -> {
            throw new Invalid(v.getPropertyPath().toString(), v.getMessage());
        });
        return body;
    }

    /** Runs the action; on a refusal, flashes the reason and answers {@code redirect:back}. */
    public String attempt(RedirectAttributes flash, String back, Supplier<String> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            Optional<String> reason = reason(e);
            if (reason.isEmpty()) {
                throw e;
            }
            flash.addFlashAttribute("error", reason.get());
            return "redirect:" + back;
        }
    }

    /** A text field as the API would get it: trimmed, and null when left empty. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A duration select's ISO value; null when none was chosen. */
    public static Duration duration(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new Invalid(field, "choose one of the durations offered");
        }
    }

    /** An instant typed as ISO-8601 in UTC (2027-01-31T17:00:00Z); null when left empty. */
    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Invalid(field, "write an instant in UTC, such as 2027-01-31T17:00:00Z");
        }
    }

    /** The words to show for a refusal a person can act on; empty for a failure of Grantline itself. */
    static Optional<String> reason(Throwable e) {
        Throwable cause = e instanceof CommandExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof RuleViolation || cause instanceof Invalid || cause instanceof NotFound) {
            return Optional.of(cause.getMessage());
        }
        if (cause instanceof AccessDeniedException) {
            return Optional.of("Your roles do not allow this.");
        }
        if (cause instanceof ConcurrencyException) {
            return Optional.of("Someone else changed this at the same moment. Look again and retry.");
        }
        if (cause instanceof IllegalArgumentException && cause.getClass() == IllegalArgumentException.class && cause.getMessage() != null) {
            // thrown by the typed ids and value checks of the messages, with Grantline's own words
            return Optional.of(cause.getMessage());
        }
        return Optional.empty();
    }
}
