package org.switchboard.store.queue;

import java.util.Map;
import org.switchboard.store.db.Fields;

/** The shape of a skill map (name to level 1-10), as queues require and agents have it (V212). Stateless. */
public final class Skills {
    private Skills() {}

    /** {@code skills} checked ({@code ValidationException} on {@code field.<name>}), as an immutable map. */
    public static Map<String, Integer> checked(Map<String, Integer> skills, String field) {
        Fields.check(skills != null, field, "is required (may be empty)");
        for (Map.Entry<String, Integer> skill : skills.entrySet()) {
            Fields.check(skill.getKey() != null && skill.getKey().matches("[a-z0-9][a-z0-9_-]{0,31}"), field,
                    "names skills with 1 to 32 lower-case letters, digits, '-' or '_'");
            Fields.check(skill.getValue() != null && skill.getValue() >= 1 && skill.getValue() <= 10,
                    field + "." + skill.getKey(), "must be a level from 1 to 10");
        }
        return Map.copyOf(skills);
    }
}
