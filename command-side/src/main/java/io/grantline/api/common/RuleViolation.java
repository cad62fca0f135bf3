package io.grantline.api.common;

import java.util.Locale;

/**
 * A broken domain rule. Each rule is its own subclass; infra maps them all, once, to problem+json. The message is
 * written for the person who sent the command and never carries secrets or raw exception text.
 */
public abstract class RuleViolation extends RuntimeException {

    /** How the broken rule should be answered. */
    public enum Kind {
        /** The input contradicts a rule (400). */
        INVALID,
        /** The input refers to something that does not exist (400: the reference is the bad field). */
        UNKNOWN_REFERENCE,
        /** The target does not exist (404). */
        NOT_FOUND,
        /** The current state forbids it (409). */
        CONFLICT,
        /** The caller may not do this (403). */
        FORBIDDEN
    }

    private final Kind kind;
    private final String field;

    protected RuleViolation(Kind kind, String field, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** The input field at fault, or null when the rule is about state rather than one field. */
    public String field() {
        return field;
    }

    /**
     * The problem type's slug, derived from the rule's name: {@code SelfApprovalForbidden} → {@code self-approval-forbidden}.
     * Part of the HTTP contract: infra's {@code ProblemTypesTest} pins every rule's slug, so renaming a rule cannot
     * change it unnoticed.
     */
    public String slug() {
        return slugOf(getClass());
    }

    public static String slugOf(Class<? extends RuleViolation> rule) {
        return rule.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
