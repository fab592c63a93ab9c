package org.switchboard.store.route;

import java.time.LocalDate;
import org.switchboard.store.db.Fields;

/** A date a {@link NewTimeRule} is closed all day, with what it is called ("Christmas"). Immutable. */
public record Holiday(LocalDate date, String name) {

    public Holiday {
        Fields.check(date != null, "holidays.date", "is required (yyyy-mm-dd)");
        name = name == null ? "" : name.strip();
        Fields.check(name.length() <= 64, "holidays.name", "must be at most 64 characters");
    }
}
