package io.grantline.command.common;

import io.grantline.api.common.RuleViolation;
import java.util.Objects;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a broken rule by its type, how it is answered and the field it names, as a client would see it. */
public final class Violations {

    private Violations() {
    }

    public static Matcher<Throwable> violation(Class<? extends RuleViolation> type, RuleViolation.Kind kind, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                return type.isInstance(thrown) && ((RuleViolation) thrown).kind() == kind
                        && Objects.equals(((RuleViolation) thrown).field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(type.getSimpleName() + " (" + kind + ", field " + field + ")");
            }

            @Override
            protected void describeMismatchSafely(Throwable thrown, Description mismatch) {
                mismatch.appendText("was " + thrown.getClass().getSimpleName());
                if (thrown instanceof RuleViolation violation) {
                    mismatch.appendText(" (" + violation.kind() + ", field " + violation.field() + ")");
                }
            }
        };
    }
}
