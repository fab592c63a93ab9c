package org.switchboard.api.phonebook;

import java.util.Optional;
import org.switchboard.store.phonebook.NewContact;

/** Request body of {@code POST /api/phonebook} and {@code PUT /api/phonebook/{id}}: omitted parts are absent. */
public record ContactBody(String firstName, String lastName, String company, String office, String mobile, String home,
                          String email) {

    NewContact toContact() {
        return new NewContact(Optional.ofNullable(firstName), Optional.ofNullable(lastName), Optional.ofNullable(company),
                Optional.ofNullable(office), Optional.ofNullable(mobile), Optional.ofNullable(home), Optional.ofNullable(email));
    }
}
