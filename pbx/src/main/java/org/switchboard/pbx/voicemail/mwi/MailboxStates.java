package org.switchboard.pbx.voicemail.mwi;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.voicemail.MailboxCounts;

/**
 * The latest counts of every box someone asked about, so a NOTIFY never waits for the database:
 * a box seen for the first time is read once from the voicemail store (on a virtual thread); after
 * that every change comes from {@link #changed}, which always wins over a read still under way.
 * Thread-safe (a concurrent map; a read only fills a box nobody changed meanwhile).
 */
final class MailboxStates {
    private static final Logger log = LoggerFactory.getLogger(MailboxStates.class);

    private final Map<String, MailboxCounts> latest = new ConcurrentHashMap<>();
    private final Function<String, MailboxCounts> store;
    private final Executor blocking;

    /**
     * @param store reads a box's counts (blocking: the voicemail service's {@code counts})
     * @param blocking where those reads run (virtual threads)
     */
    MailboxStates(Function<String, MailboxCounts> store, Executor blocking) {
        this.store = store;
        this.blocking = blocking;
    }

    /** Records the counts a change left. */
    void changed(MailboxCounts counts) {
        latest.put(counts.box(), counts);
    }

    /** The box's counts: at once when known, else after one read (none waiting on a failed read: 0/0, logged). */
    CompletionStage<MailboxCounts> counts(String box) {
        MailboxCounts known = latest.get(box);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return CompletableFuture.supplyAsync(() -> store.apply(box), blocking)
                .exceptionally(failure -> {
                    log.warn("mailbox counts not read box={} reason={}", box, failure.toString());
                    return null;
                })
                .thenApply(read -> read == null ? new MailboxCounts(box, 0, 0) : latest.computeIfAbsent(box, b -> read));
    }
}
