package io.grantline.api.request;

/** Where an approver answered from. */
public enum DecisionChannel {
    EMAIL_LINK,
    WEB,
    API
}
