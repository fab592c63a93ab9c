package org.switchboard.pbx.extension;

import java.util.List;
import org.switchboard.store.db.ValidationException;

/**
 * The pbx's rule for the members of ring groups, queues and paging zones: each is an existing extension. The store
 * checks only their shape ({@code org.switchboard.store.db.Fields#distinctExtensions}).
 */
public final class MemberExtensions {
    private MemberExtensions() {}

    /** {@link ValidationException} on {@code members[i]} for the first member that is no extension, from memory. */
    public static void check(ExtensionService extensions, List<String> members) {
        for (int i = 0; i < members.size(); i++) {
            if (extensions.find(members.get(i)).isEmpty()) {
                throw new ValidationException("members[" + i + "]", "must be an existing extension");
            }
        }
    }
}
