package io.grantline.api.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.grantline.api.common.IdFormat;

/**
 * One reviewer's share of a campaign: {@code <campaignId>.r<n>}. {@link #toString()} is its event-store stream name.
 */
public record ReviewId(@JsonValue String value) implements Comparable<ReviewId> {

    private static final String SEPARATOR = ".r";

    public ReviewId {
        IdFormat.require(value, "review id");
        int at = value.lastIndexOf(SEPARATOR);
        if (at <= 0 || !isNumber(value.substring(at + SEPARATOR.length()))) {
            throw new IllegalArgumentException("review id must be <campaignId>.r<number>");
        }
    }

    @JsonCreator
    public static ReviewId of(String value) {
        return new ReviewId(value);
    }

    public static ReviewId of(CampaignId campaign, int number) {
        return new ReviewId(campaign.value() + SEPARATOR + number);
    }

    public CampaignId campaignId() {
        return CampaignId.of(value.substring(0, value.lastIndexOf(SEPARATOR)));
    }

    public int number() {
        return Integer.parseInt(value.substring(value.lastIndexOf(SEPARATOR) + SEPARATOR.length()));
    }

    static boolean isNumber(String text) {
        return !text.isEmpty() && text.length() <= 6 && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    @Override
    public String toString() {
        return "review:" + value;
    }

    @Override
    public int compareTo(ReviewId other) {
        return value.compareTo(other.value);
    }
}
