package org.switchboard.api.recording;

import org.switchboard.store.db.Fields;

/** Body of {@code PATCH /api/recordings/{id}}: the legal hold flag, required. */
public record LegalHoldBody(Boolean legalHold) {
    boolean value() {
        Fields.check(legalHold != null, "legal_hold", "is required (true or false)");
        return legalHold;
    }
}
