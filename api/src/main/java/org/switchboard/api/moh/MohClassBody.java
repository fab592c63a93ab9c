package org.switchboard.api.moh;

import org.switchboard.store.db.ValidationException;
import org.switchboard.store.moh.NewMohClass;
import org.switchboard.store.moh.PlayOrder;

/**
 * Request body of {@code POST /api/moh/classes} (with {@code name}) and {@code PUT
 * /api/moh/classes/{name}} (the name comes from the path; a different one in the body is refused).
 */
public record MohClassBody(String name, String description, String order) {

    NewMohClass toValues(String pathName) {
        String chosen = pathName == null ? name : pathName;
        if (pathName != null && name != null && !name.equals(pathName)) {
            throw new ValidationException("name", "a class keeps its name; it cannot be renamed");
        }
        return new NewMohClass(chosen, description, order == null ? null : PlayOrder.of(order, "order"));
    }
}
