package io.grantline.infra.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.grantline.api.common.RuleViolation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a client can cause becomes an RFC 9457 problem with a stable type and, for bad input, the field at
 * fault. Raw exception text never reaches a client: only messages Grantline wrote itself are passed on.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private static final Map<RuleViolation.Kind, HttpStatus> STATUS = Map.of(
            RuleViolation.Kind.INVALID, HttpStatus.BAD_REQUEST,
            RuleViolation.Kind.UNKNOWN_REFERENCE, HttpStatus.BAD_REQUEST,
            RuleViolation.Kind.NOT_FOUND, HttpStatus.NOT_FOUND,
            RuleViolation.Kind.CONFLICT, HttpStatus.CONFLICT,
            RuleViolation.Kind.FORBIDDEN, HttpStatus.FORBIDDEN);

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation violation) {
        ProblemDetail problem = Problems.of(STATUS.get(violation.kind()), violation.slug(), title(violation), violation.getMessage());
        if (violation.field() != null) {
            problem.setProperty("field", violation.field());
        }
        return problem;
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail commandFailed(CommandExecutionException failure) {
        Throwable cause = failure.getCause();
        if (cause instanceof RuleViolation violation) {
            return ruleViolation(violation);
        }
        return unexpected(failure);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "no such resource");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-change", "Conflict",
                "the resource was created or changed by another request at the same moment; read it and try again");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        // raised by message constructors (ids, ...) for path variables and parameters; their messages are ours
        return Problems.invalidField(null, e.getMessage());
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "your roles do not allow this call");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Grantline could not complete the request; nothing was recorded. The log has the details.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(unreadable(e.getCause()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "detail", error.getField() + " " + error.getDefaultMessage()))
                .toList();
        Map<String, String> first = errors.isEmpty() ? Map.of("field", "", "detail", "invalid input") : errors.get(0);
        ProblemDetail problem = Problems.invalidField(first.get("field"),
                errors.stream().map(m -> m.get("detail")).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.invalidField(null, "a request parameter is invalid"));
    }

    /** Spring's own problems (405, 406, 415, ...) get a stable Grantline type instead of {@code about:blank}. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            HttpStatus known = HttpStatus.resolve(status.value());
            String slug = known == null ? "http-" + status.value() : known.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            problem.setType(Problems.type(slug));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ProblemDetail unreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return Problems.invalidField(path(unknown), "unknown field '" + unknown.getPropertyName() + "'");
        }
        if (cause instanceof InvalidFormatException invalid) {
            String field = path(invalid);
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                return Problems.invalidField(field, field + " must be one of " + Arrays.toString(target.getEnumConstants()));
            }
            return Problems.invalidField(field, field + " has a value of the wrong form");
        }
        if (cause instanceof ValueInstantiationException instantiation) {
            String field = path(instantiation);
            Throwable reason = instantiation.getCause();
            String detail = reason instanceof IllegalArgumentException && reason.getMessage() != null
                    && reason.getClass() == IllegalArgumentException.class ? reason.getMessage() : field + " is not a valid value";
            return Problems.invalidField(field, detail);
        }
        if (cause instanceof MismatchedInputException mismatched) {
            String field = path(mismatched);
            return field.isEmpty()
                    ? Problems.invalidField("", "the body must be a JSON object")
                    : Problems.invalidField(field, field + " has the wrong type");
        }
        if (cause instanceof JsonMappingException mapping) {
            return Problems.invalidField(path(mapping), "the body does not match the expected fields");
        }
        if (cause instanceof JsonProcessingException) {
            return Problems.invalidField("", "the body is not well-formed JSON");
        }
        return Problems.invalidField("", "the request body is missing or unreadable");
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String title(RuleViolation violation) {
        String slug = violation.slug().replace('-', ' ');
        return Character.toUpperCase(slug.charAt(0)) + slug.substring(1);
    }
}
