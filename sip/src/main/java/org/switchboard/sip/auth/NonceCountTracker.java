package org.switchboard.sip.auth;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the highest nonce-count accepted for each nonce still in use, so a captured request
 * replayed with the same {@code nc} is refused (RFC 7616 §3.4: the server checks nc is greater than
 * any seen before for that nonce). Thread-safe: called from many call executors, guarded by its
 * own monitor, which is held only for map operations.
 *
 * <p>Bounded to {@code capacity} nonces. Entries leave when their nonce expires; when the map is
 * full the oldest entry is evicted and its issue time raises a low-water mark: any nonce issued at
 * or before the mark that is no longer remembered is reported {@link Decision#FORGOTTEN}, so the
 * client is challenged again instead of a replay slipping through. Overload costs extra challenges,
 * never safety.
 */
final class NonceCountTracker {

    /** The verdict on one nonce-count. */
    enum Decision {
        /** Greater than any count seen for this nonce; now recorded. */
        ACCEPTED,
        /** Not greater than a count already accepted for this nonce. */
        REPLAYED,
        /** The nonce's history was evicted; it must be replaced by a fresh one. */
        FORGOTTEN
    }

    private record Entry(long lastCount, Instant issuedAt, Instant expiresAt) {}

    private final int capacity;
    private final InstantSource clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private Instant forgottenUpTo = Instant.MIN;

    NonceCountTracker(int capacity, InstantSource clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("nonce-count capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    synchronized Decision accept(String nonce, Instant issuedAt, Instant expiresAt, long count) {
        purgeExpired();
        Entry entry = entries.get(nonce);
        if (entry == null) {
            if (!issuedAt.isAfter(forgottenUpTo)) {
                return Decision.FORGOTTEN;
            }
            if (entries.size() >= capacity) {
                evictOldest();
            }
            entries.put(nonce, new Entry(count, issuedAt, expiresAt));
            return Decision.ACCEPTED;
        }
        if (count <= entry.lastCount()) {
            return Decision.REPLAYED;
        }
        entries.put(nonce, new Entry(count, entry.issuedAt(), entry.expiresAt()));
        return Decision.ACCEPTED;
    }

    synchronized int size() {
        return entries.size();
    }

    private void evictOldest() {
        Iterator<Entry> it = entries.values().iterator();
        Entry oldest = it.next();
        it.remove();
        if (oldest.issuedAt().isAfter(forgottenUpTo)) {
            forgottenUpTo = oldest.issuedAt();
        }
    }

    /**
     * Drops expired entries from the head. Insertion order follows first use, which follows issue
     * time closely but not exactly, so an expired entry behind a live one waits for a later sweep or
     * for eviction; either way the map stays within its capacity.
     */
    private void purgeExpired() {
        Instant now = clock.instant();
        Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext()) {
            if (it.next().expiresAt().isAfter(now)) {
                return;
            }
            it.remove();
        }
    }
}
