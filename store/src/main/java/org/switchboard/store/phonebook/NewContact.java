package org.switchboard.store.phonebook;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.switchboard.store.db.ControlCharacters;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * A phone-book contact to store, checked for the V310 shapes ({@link ValidationException} naming
 * the field as the API spells it). Blank parts are absent. A contact needs a name (first, last or
 * company) and a number (office, mobile or home); a number is digits with an optional leading
 * {@code +} and the separators people type ({@code ( ) - . space}). Immutable.
 */
public record NewContact(Optional<String> firstName, Optional<String> lastName, Optional<String> company,
                         Optional<String> office, Optional<String> mobile, Optional<String> home,
                         Optional<String> email) {
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9][0-9 ()./-]{0,31}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    public NewContact {
        firstName = text(firstName, "first_name", 64);
        lastName = text(lastName, "last_name", 64);
        company = text(company, "company", 128);
        office = number(office, "office");
        mobile = number(mobile, "mobile");
        home = number(home, "home");
        email = text(email, "email", 254);
        email.ifPresent(e -> Fields.check(EMAIL.matcher(e).matches(), "email", "must be an e-mail address"));
        Fields.check(firstName.isPresent() || lastName.isPresent() || company.isPresent(), "last_name",
                "a contact needs a first name, a last name or a company");
        Fields.check(office.isPresent() || mobile.isPresent() || home.isPresent(), "office",
                "a contact needs an office, mobile or home number");
    }

    /** The name a phone shows: "first last", else the company. */
    public String displayName() {
        String person = Stream.of(firstName, lastName).flatMap(Optional::stream).reduce((a, b) -> a + " " + b).orElse("");
        return person.isEmpty() ? company.orElseThrow() : person;
    }

    private static Optional<String> text(Optional<String> value, String field, int max) {
        Fields.check(value != null, field, "must not be null");
        Optional<String> kept = value.map(String::strip).filter(v -> !v.isEmpty());
        kept.ifPresent(v -> {
            Fields.check(v.length() <= max, field, "must be at most " + max + " characters");
            Fields.check(!ControlCharacters.containsAny(v), field, ControlCharacters.MESSAGE);
        });
        return kept;
    }

    private static Optional<String> number(Optional<String> value, String field) {
        Optional<String> kept = text(value, field, 32);
        kept.ifPresent(v -> Fields.check(NUMBER.matcher(v).matches(), field,
                "must be a phone number: digits, an optional leading '+', and ( ) - . or spaces"));
        return kept;
    }
}
