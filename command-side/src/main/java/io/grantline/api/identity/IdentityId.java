package io.grantline.api.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.grantline.api.common.IdFormat;

/**
 * An identity's id as clients know it ({@link #value()}, its JSON form). {@link #toString()} is the
 * event-store stream name: identities and entitlements are chosen by people and may share a name
 * ("plc-7" the machine, "plc-7" the asset), so every stream name carries its aggregate's prefix.
 */
public record IdentityId(@JsonValue String value) implements Comparable<IdentityId> {

    public IdentityId {
        IdFormat.require(value, "identity id");
    }

    @JsonCreator
    public static IdentityId of(String value) {
        return new IdentityId(value);
    }

    @Override
    public String toString() {
        return "identity:" + value;
    }

    @Override
    public int compareTo(IdentityId other) {
        return value.compareTo(other.value);
    }
}
