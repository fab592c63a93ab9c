package org.switchboard.pbx.provisioning;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/** Rules for a phone's list of {@link FunctionKey}s; stateless, any thread. */
final class FunctionKeys {

    /** More keys than any supported phone with all its expansion modules has. */
    static final int MAX_POSITION = 120;

    private FunctionKeys() {}

    static void checkPosition(int position) {
        Fields.check(position >= 1 && position <= MAX_POSITION, "key_position",
                "must be between 1 and " + MAX_POSITION);
    }

    /** The keys sorted by position. @throws ValidationException when two keys share a position */
    static List<FunctionKey> ordered(List<FunctionKey> keys) {
        Set<Integer> taken = new HashSet<>();
        for (FunctionKey k : keys) {
            if (!taken.add(k.position())) {
                throw new ValidationException("key_position", "key " + k.position() + " is given twice");
            }
        }
        return keys.stream().sorted((a, b) -> Integer.compare(a.position(), b.position())).toList();
    }
}
