package io.grantline.api.identity;

/**
 * The active people who hold {@code role}, as the event store says it now: answered with a list of
 * {@link IdentitySummary}, by id.
 */
public record ListActiveHolders(Role role) {
}
