package io.grantline.api.common;

import java.util.regex.Pattern;

/**
 * The one rule every client-chosen identifier follows. Ids end up in URLs, mail, MongoDB filters and
 * event-store stream names, so only a conservative alphabet is accepted: letters, digits and {@code . _ @ -},
 * starting with a letter or digit, at most 128 characters. This also keeps operator injection such as
 * {@code $ne} out of every query.
 */
public final class IdFormat {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");

    private IdFormat() {
    }

    public static String require(String value, String what) {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1-128 characters of letters, digits, '.', '_', '@' or '-',"
                    + " starting with a letter or digit");
        }
        return value;
    }
}
