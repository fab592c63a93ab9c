package org.switchboard.api.emergency;

import java.util.Optional;
import org.switchboard.store.emergency.CivicAddress;

/**
 * A civic address as the API spells it (RFC 5139's elements by name): {@code country}, {@code
 * state}, {@code city}, {@code street}, {@code house_number} required; {@code floor}, {@code room},
 * {@code name}, {@code postal_code} optional. Also the response's shape.
 */
public record CivicBody(String country, String state, String city, String street, String houseNumber, String floor,
        String room, String name, String postalCode) {

    CivicAddress toAddress() {
        return new CivicAddress(country, state, city, street, houseNumber, Optional.ofNullable(floor),
                Optional.ofNullable(room), Optional.ofNullable(name), Optional.ofNullable(postalCode));
    }

    static CivicBody of(CivicAddress c) {
        return new CivicBody(c.country(), c.state(), c.city(), c.street(), c.houseNumber(), c.floor().orElse(null),
                c.room().orElse(null), c.name().orElse(null), c.postalCode().orElse(null));
    }
}
