package org.switchboard.pbx.extension;

import java.util.regex.Pattern;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * What the API, the CLI and the config seed give {@link ExtensionService} to create or update an
 * extension, with the plain secrets as typed. Validates itself on construction and throws
 * {@link ValidationException} naming the first bad field. {@code password} and {@code voicemailPin}
 * may be null: on update that keeps the stored ones; a create requires a password. A null
 * {@code digestChoice} is {@link DigestChoice#AUTO}. Immutable; {@link #toString()} hides the secrets.
 */
public record ExtensionInput(
        String number,
        String name,
        String password,
        String email,
        String voicemailPin,
        boolean allowExternal,
        boolean enabled,
        DigestChoice digestChoice) {

    private static final Pattern NUMBER = Pattern.compile("[0-9]{2,10}");
    private static final Pattern PIN = Pattern.compile("[0-9]{4,10}");
    // Deliberately loose (RFC 5321 addresses are too varied to match exactly): one @, a dot in the domain, no spaces.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final int MAX_NAME = 100;
    private static final int MIN_PASSWORD = 8;
    private static final int MAX_PASSWORD = 128;
    private static final int MAX_EMAIL = 254;

    /** An extension whose digest algorithm is left to {@link DigestChoice#AUTO}. */
    public ExtensionInput(String number, String name, String password, String email, String voicemailPin,
            boolean allowExternal, boolean enabled) {
        this(number, name, password, email, voicemailPin, allowExternal, enabled, DigestChoice.AUTO);
    }

    public ExtensionInput {
        digestChoice = digestChoice == null ? DigestChoice.AUTO : digestChoice;
        Fields.check(number != null && NUMBER.matcher(number).matches(), "number", "must be 2 to 10 digits");
        name = Fields.required(name, "name");
        Fields.check(name.length() <= MAX_NAME, "name", "must be at most " + MAX_NAME + " characters");
        if (password != null) {
            Fields.check(password.length() >= MIN_PASSWORD, "password", "must be at least " + MIN_PASSWORD + " characters");
            Fields.check(password.length() <= MAX_PASSWORD, "password", "must be at most " + MAX_PASSWORD + " characters");
            Fields.check(password.chars().noneMatch(Character::isISOControl), "password", "must not contain control characters");
        }
        if (email != null) {
            email = email.strip();
            if (email.isEmpty()) {
                email = null;
            } else {
                Fields.check(email.length() <= MAX_EMAIL && EMAIL.matcher(email).matches(), "email", "must be an email address");
            }
        }
        if (voicemailPin != null) {
            Fields.check(isValidPin(voicemailPin), "voicemail_pin", "must be 4 to 10 digits");
        }
    }

    /** Whether {@code pin} is a voicemail PIN: 4 to 10 digits. */
    public static boolean isValidPin(String pin) {
        return pin != null && PIN.matcher(pin).matches();
    }

    /** A create needs a password; an update may omit it. */
    void requirePassword() {
        Fields.check(password != null, "password", "is required");
    }

    @Override
    public String toString() {
        return "ExtensionInput[number=" + number + ", name=" + name + ", password=***, email=" + email
                + ", voicemailPin=***, allowExternal=" + allowExternal + ", enabled=" + enabled
                + ", digestChoice=" + digestChoice + "]";
    }
}
