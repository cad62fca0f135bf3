package io.grantline.api.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.grantline.api.common.IdFormat;
import java.util.UUID;

/**
 * A recertification campaign's id; {@link #toString()} is its event-store stream name. At most 64 characters, so that
 * the ids of its reviews and items, which extend it, still fit the id format.
 */
public record CampaignId(@JsonValue String value) implements Comparable<CampaignId> {

    public static final int LONGEST = 64;

    public CampaignId {
        IdFormat.require(value, "campaign id");
        if (value.length() > LONGEST) {
            throw new IllegalArgumentException("campaign id must be at most " + LONGEST + " characters");
        }
    }

    @JsonCreator
    public static CampaignId of(String value) {
        return new CampaignId(value);
    }

    public static CampaignId random() {
        return new CampaignId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return "campaign:" + value;
    }

    @Override
    public int compareTo(CampaignId other) {
        return value.compareTo(other.value);
    }
}
