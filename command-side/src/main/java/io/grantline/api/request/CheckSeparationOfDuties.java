package io.grantline.api.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The process's separation-of-duties step. Answers {@code true} when the beneficiary holds no conflicting
 * entitlement; otherwise the request is rejected (SEPARATION_OF_DUTIES) and the answer is {@code false}.
 */
public record CheckSeparationOfDuties(@TargetAggregateIdentifier AccessRequestId requestId) {
}
