package io.grantline.infra.web.pages;

import io.grantline.api.common.RuleViolation;
import io.grantline.infra.web.NotFound;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures of page controllers become Grantline's error page with the status they deserve (the API keeps its
 * problem+json through ProblemAdvice, which this advice precedes only for {@link Page} controllers).
 */
@ControllerAdvice(annotations = Page.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

    private static final Map<RuleViolation.Kind, HttpStatus> STATUS = Map.of(
            RuleViolation.Kind.INVALID, HttpStatus.BAD_REQUEST,
            RuleViolation.Kind.UNKNOWN_REFERENCE, HttpStatus.BAD_REQUEST,
            RuleViolation.Kind.NOT_FOUND, HttpStatus.NOT_FOUND,
            RuleViolation.Kind.CONFLICT, HttpStatus.CONFLICT,
            RuleViolation.Kind.FORBIDDEN, HttpStatus.FORBIDDEN);

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound e) {
        return ErrorPage.of(HttpStatus.NOT_FOUND, "Grantline does not know this (yet). A request or grant just filed may take a moment to appear.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(AccessDeniedException e) {
        return ErrorPage.of(HttpStatus.FORBIDDEN, null);
    }

    @ExceptionHandler({RuleViolation.class, CommandExecutionException.class, ConcurrencyException.class, Forms.Invalid.class,
            IllegalArgumentException.class})
    ModelAndView refused(RuntimeException e) {
        Throwable cause = e instanceof CommandExecutionException && e.getCause() != null ? e.getCause() : e;
        String reason = Forms.reason(e).orElse(null);
        if (reason == null) {
            return unexpected(e);
        }
        HttpStatus status = cause instanceof RuleViolation violation ? STATUS.get(violation.kind())
                : cause instanceof ConcurrencyException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        return ErrorPage.of(status, reason);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        log.error("Unexpected failure on a page", e);
        return ErrorPage.of(HttpStatus.INTERNAL_SERVER_ERROR, null);
    }
}
