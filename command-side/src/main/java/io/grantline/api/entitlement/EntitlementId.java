package io.grantline.api.entitlement;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.grantline.api.common.IdFormat;

/** An entitlement's id as clients know it; {@link #toString()} is its event-store stream name (see IdentityId). */
public record EntitlementId(@JsonValue String value) implements Comparable<EntitlementId> {

    public EntitlementId {
        IdFormat.require(value, "entitlement id");
    }

    @JsonCreator
    public static EntitlementId of(String value) {
        return new EntitlementId(value);
    }

    @Override
    public String toString() {
        return "entitlement:" + value;
    }

    @Override
    public int compareTo(EntitlementId other) {
        return value.compareTo(other.value);
    }
}
