package io.grantline.api.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.grantline.api.common.IdFormat;

/** One grant to decide in one review: {@code <reviewId>.<n>}, so the review that decides it is known from the id. */
public record ReviewItemId(@JsonValue String value) implements Comparable<ReviewItemId> {

    public ReviewItemId {
        IdFormat.require(value, "review item id");
        int at = value.lastIndexOf('.');
        if (at <= 0 || !ReviewId.isNumber(value.substring(at + 1))) {
            throw new IllegalArgumentException("review item id must be <reviewId>.<number>");
        }
        ReviewId.of(value.substring(0, at));
    }

    @JsonCreator
    public static ReviewItemId of(String value) {
        return new ReviewItemId(value);
    }

    public static ReviewItemId of(ReviewId review, int number) {
        return new ReviewItemId(review.value() + "." + number);
    }

    public ReviewId reviewId() {
        return ReviewId.of(value.substring(0, value.lastIndexOf('.')));
    }

    @Override
    public String toString() {
        return value;
    }

    @Override
    public int compareTo(ReviewItemId other) {
        return value.compareTo(other.value);
    }
}
