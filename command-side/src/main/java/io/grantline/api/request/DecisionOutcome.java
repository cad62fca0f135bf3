package io.grantline.api.request;

public enum DecisionOutcome {
    APPROVE,
    REJECT
}
