package org.switchboard.pbx.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.pbx.extension.ExtensionService;

/**
 * Extension display names for rendered files, kept for {@link #TTL} so that a phone's fetch
 * costs no SQL: {@link ExtensionService} caches credentials but reads names from the database.
 * A renamed extension shows its new name in files within the TTL. Thread-safe; any thread.
 */
final class ExtensionNames {
    /** How long a name is trusted; the same delay as template edits. */
    static final Duration TTL = Duration.ofMillis(ProvisioningTemplates.UPDATE_DELAY_MILLIS);

    private final ExtensionService extensions;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> byNumber = new ConcurrentHashMap<>();

    ExtensionNames(ExtensionService extensions, Clock clock) {
        this.extensions = extensions;
        this.clock = clock;
    }

    /** The extension's name; {@code NotFoundException} when it does not exist. */
    String nameOf(String number) {
        Instant now = clock.instant();
        Entry e = byNumber.get(number);
        if (e == null || !now.isBefore(e.loadedAt().plus(TTL))) {
            e = new Entry(extensions.get(number).name(), now);
            byNumber.put(number, e);
        }
        return e.name();
    }

    /** Forgets every name (after a change made through this node). */
    void clear() {
        byNumber.clear();
    }

    private record Entry(String name, Instant loadedAt) {}
}
