package org.switchboard.api.emergency;

import org.switchboard.store.db.ValidationException;
import org.switchboard.store.emergency.CivicAddress;

/** Request body of {@code PUT /api/extensions/{number}/location}: {@code {"civic": {...}}}. */
public record LocationBody(CivicBody civic) {

    CivicAddress toAddress() {
        if (civic == null) {
            throw new ValidationException("civic", "is required: the civic address (country, state, city, street, house_number...)");
        }
        return civic.toAddress();
    }
}
