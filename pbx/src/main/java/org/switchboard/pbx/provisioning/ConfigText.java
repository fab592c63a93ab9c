package org.switchboard.pbx.provisioning;

import java.util.regex.Pattern;
import org.switchboard.store.db.ValidationException;

/**
 * Checks for text that ends up inside a phone's configuration file; stateless, any thread.
 *
 * <p>XML templates escape what they insert, but the line-oriented formats (Yealink
 * {@code key = value}, Fanvil {@code Key :value}) cannot: a line break in a display name would
 * start a new setting. So no value may hold control characters, whatever the format.
 */
final class ConfigText {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern DIALABLE = Pattern.compile("[0-9*#]{1,15}");
    // The same rule as pbx.extension.ExtensionInput's number.
    private static final Pattern EXTENSION_NUMBER = Pattern.compile("[0-9]{2,10}");

    private ConfigText() {}

    /** Free text (a name, a label, a password): 1 to {@code maxLength} characters, no control characters. */
    static String text(String value, String field, int maxLength) {
        if (value == null || value.isEmpty()) {
            throw new ValidationException(field, "is required");
        }
        if (value.length() > maxLength) {
            throw new ValidationException(field, "must be at most " + maxLength + " characters");
        }
        if (CONTROL.matcher(value).find()) {
            throw new ValidationException(field, "must not contain line breaks or control characters");
        }
        return value;
    }

    /** A DNS host name or IPv4 address (RFC 1123 §2.1), as phones expect in a server field. */
    static String host(String value, String field) {
        if (value == null || !HOST.matcher(value).matches()) {
            throw new ValidationException(field, "must be a host name or IPv4 address");
        }
        return value;
    }

    /** An extension number: 2 to 10 digits, as extensions are created. */
    static String extensionNumber(String value) {
        if (value == null || !EXTENSION_NUMBER.matcher(value).matches()) {
            throw new ValidationException("extension_number", "must be 2 to 10 digits");
        }
        return value;
    }

    /** A number a phone dials: digits, {@code *} and {@code #}, at most 15 (E.164 length). */
    static String dialable(String value, String field) {
        if (value == null || !DIALABLE.matcher(value).matches()) {
            throw new ValidationException(field, "must be 1 to 15 of the characters 0-9 * #");
        }
        return value;
    }
}
