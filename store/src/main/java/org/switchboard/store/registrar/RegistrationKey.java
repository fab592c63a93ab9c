package org.switchboard.store.registrar;

import org.switchboard.store.db.Fields;

/**
 * Names one binding: an extension and a contact URI as the phone wrote it (RFC 3261 §10.3 step 7
 * matches bindings by contact). Immutable.
 */
public record RegistrationKey(String extensionNumber, String contactUri) {
    public RegistrationKey {
        extensionNumber = Fields.required(extensionNumber, "extension_number");
        contactUri = Fields.required(contactUri, "contact_uri");
    }
}
