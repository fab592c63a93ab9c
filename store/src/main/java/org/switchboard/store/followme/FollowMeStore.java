package org.switchboard.store.followme;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Follow-me settings by extension number. Implementations are thread-safe; every call blocks on the database. */
public interface FollowMeStore {
    /** Every extension's stored settings, by extension number. */
    Map<String, FollowMe> all();

    /** Extension {@code number}'s stored settings; empty when it never set any. */
    Optional<FollowMe> find(String number);

    /** Replaces extension {@code number}'s settings (the extension must exist), committed on return. */
    FollowMe put(String number, FollowMe settings, Instant now);
}
