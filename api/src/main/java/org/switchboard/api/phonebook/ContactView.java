package org.switchboard.api.phonebook;

import java.time.Instant;
import org.switchboard.store.phonebook.Contact;
import org.switchboard.store.phonebook.NewContact;

/** A contact as the API shows it; absent parts are omitted, {@code name} is what phones show. */
public record ContactView(long id, String name, String firstName, String lastName, String company, String office,
                          String mobile, String home, String email, Instant createdAt, Instant updatedAt) {

    static ContactView of(Contact contact) {
        NewContact c = contact.values();
        return new ContactView(contact.id(), c.displayName(), c.firstName().orElse(null), c.lastName().orElse(null),
                c.company().orElse(null), c.office().orElse(null), c.mobile().orElse(null), c.home().orElse(null),
                c.email().orElse(null), contact.createdAt(), contact.updatedAt());
    }
}
