package org.switchboard.store.emergency;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * A dispatchable location as the civic address elements of RFC 5139 (country A1 city A3 street
 * RD house number HNO floor FLR room ROOM name NAM postal code PC): enough for a responder to find
 * the caller's room. Validates its own form on construction ({@link ValidationException} naming
 * the field as the API spells it, {@code civic.<element>}). Immutable.
 *
 * @param country ISO 3166 alpha-2 code, upper case
 * @param state the state or province (A1)
 */
public record CivicAddress(String country, String state, String city, String street, String houseNumber,
        Optional<String> floor, Optional<String> room, Optional<String> name, Optional<String> postalCode) {
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public CivicAddress {
        country = Fields.required(country, "civic.country").strip().toUpperCase(Locale.ROOT);
        Fields.check(COUNTRY.matcher(country).matches(), "civic.country", "must be a two-letter country code (ISO 3166)");
        state = text(state, "civic.state", 64);
        city = text(city, "civic.city", 64);
        street = text(street, "civic.street", 64);
        houseNumber = text(houseNumber, "civic.house_number", 16);
        floor = optional(floor, "civic.floor", 16);
        room = optional(room, "civic.room", 32);
        name = optional(name, "civic.name", 64);
        postalCode = optional(postalCode, "civic.postal_code", 16);
    }

    /** The address on one line, for people (mails, logs, the dial-plan test). */
    public String describe() {
        StringBuilder line = new StringBuilder();
        name.ifPresent(n -> line.append(n).append(", "));
        line.append(houseNumber).append(' ').append(street);
        floor.ifPresent(f -> line.append(", floor ").append(f));
        room.ifPresent(r -> line.append(", room ").append(r));
        line.append(", ").append(city).append(", ").append(state);
        postalCode.ifPresent(p -> line.append(' ').append(p));
        return line.append(", ").append(country).toString();
    }

    private static String text(String value, String field, int max) {
        String v = Fields.required(value, field).strip();
        Fields.check(!v.isEmpty() && v.length() <= max && v.chars().noneMatch(Character::isISOControl), field,
                "must be 1 to " + max + " characters");
        return v;
    }

    private static Optional<String> optional(Optional<String> value, String field, int max) {
        Optional<String> v = value.map(String::strip).filter(s -> !s.isEmpty());
        v.ifPresent(s -> Fields.check(s.length() <= max && s.chars().noneMatch(Character::isISOControl), field,
                "must be at most " + max + " characters"));
        return v;
    }
}
