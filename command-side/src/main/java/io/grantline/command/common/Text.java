package io.grantline.command.common;

import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;

/** Checks on free text and addresses that every aggregate applies the same way. */
public final class Text {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t]]");

    private Text() {
    }

    /** True when {@code value} has content, fits in {@code max} characters and holds no control characters. */
    public static boolean isPlain(String value, int max) {
        return value != null && !value.isBlank() && value.length() <= max && !CONTROL.matcher(value).find();
    }

    public static boolean isEmail(String value) {
        return value != null && value.length() <= 320 && EMAIL.matcher(value).matches();
    }

    /**
     * True for an LDAP distinguished name of at most 500 characters (RFC 4514, as the JDK parses it: {@code uid=alice,
     * ou=people,dc=plant,dc=example}), without control characters.
     */
    public static boolean isDistinguishedName(String value) {
        if (!isPlain(value, 500)) {
            return false;
        }
        try {
            return !new LdapName(value.strip()).isEmpty();
        } catch (InvalidNameException | IllegalArgumentException notOne) {
            return false;
        }
    }
}
