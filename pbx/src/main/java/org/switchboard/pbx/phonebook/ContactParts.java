package org.switchboard.pbx.phonebook;

import java.util.Optional;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.phonebook.NewContact;

/**
 * A contact read from an import file, part by part; {@link #toContact} checks it like the API does
 * and names the file's entry in the error, so one mistake names where it is. Mutable, one thread.
 */
final class ContactParts {
    String firstName;
    String lastName;
    String company;
    String office;
    String mobile;
    String home;
    String email;

    /** @param entry where the contact is in the file ("line 3", "vCard 2"), for the error */
    NewContact toContact(String entry) {
        try {
            return new NewContact(Optional.ofNullable(firstName), Optional.ofNullable(lastName), Optional.ofNullable(company),
                    Optional.ofNullable(office), Optional.ofNullable(mobile), Optional.ofNullable(home), Optional.ofNullable(email));
        } catch (ValidationException e) {
            throw new ValidationException("file", entry + ": " + e.field() + " " + e.getMessage());
        }
    }
}
