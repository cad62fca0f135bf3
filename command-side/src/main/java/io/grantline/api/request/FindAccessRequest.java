package io.grantline.api.request;

public record FindAccessRequest(AccessRequestId requestId) {
}
