package io.grantline.api.grant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.grantline.api.common.IdFormat;
import java.util.UUID;

/** A grant's id: one privilege of one identity, its whole life; {@link #toString()} is its event-store stream name (see IdentityId). */
public record GrantId(@JsonValue String value) implements Comparable<GrantId> {

    public GrantId {
        IdFormat.require(value, "grant id");
    }

    @JsonCreator
    public static GrantId of(String value) {
        return new GrantId(value);
    }

    public static GrantId random() {
        return new GrantId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return "grant:" + value;
    }

    @Override
    public int compareTo(GrantId other) {
        return value.compareTo(other.value);
    }
}
