package io.grantline.api.request;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.grantline.api.common.IdFormat;
import java.util.UUID;

/** An access request's id, chosen by Grantline; {@link #toString()} is its event-store stream name (see IdentityId). */
public record AccessRequestId(@JsonValue String value) implements Comparable<AccessRequestId> {

    public AccessRequestId {
        IdFormat.require(value, "request id");
    }

    @JsonCreator
    public static AccessRequestId of(String value) {
        return new AccessRequestId(value);
    }

    public static AccessRequestId random() {
        return new AccessRequestId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return "request:" + value;
    }

    @Override
    public int compareTo(AccessRequestId other) {
        return value.compareTo(other.value);
    }
}
