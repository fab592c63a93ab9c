package org.switchboard.pbx.registrar;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.message.SipParseException;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.StorageFullException;
import org.switchboard.store.db.UnavailableException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.registrar.Registration;
import org.switchboard.store.registrar.RegistrationKey;
import org.switchboard.store.registrar.RegistrationStore;

/**
 * Moves bindings between the location service and the {@code registrations} table: new and removed
 * bindings are written through on a virtual thread (the caller gets a future and posts the result
 * back to its own executor), refreshes are written behind through a coalescing {@link
 * BatchWriter}.
 *
 * <p>Write-throughs are group-committed: one virtual thread at a time commits every write-through
 * waiting (up to {@link #MAX_GROUP}) in one transaction, in arrival order, while the next ones
 * gather. A commit costs a disk flush whatever it holds, so when many phones register at once (a
 * restart of the PBX or of the office switch) they wait for a few commits instead of queueing for
 * one commit each. If a group fails, its writes are retried one by one so that one bad write fails
 * only its own REGISTER.
 *
 * <p>A refresh that only moves the expiry (same flow, instance and User-Agent as the row last
 * written or queued) is written behind only once the table's expiry would trail the binding's by
 * {@link #MAX_EXPIRY_LAG} or a tenth of the requested interval, whichever is less. A phone that
 * refreshes every few seconds then costs a row write per minute instead of one per REGISTER; the
 * table's expiry (what a restarted node or another node loads) stays later than 9/10 of the
 * interval ahead, so a binding never expires there before the phone's next refresh is due. Call-ID
 * and CSeq in the row lag as much: a phone keeps its Call-ID and raises CSeq, so the RFC 3261
 * §10.3 step 7 check against a stored CSeq that is lower still accepts it.
 *
 * <p>While the database is unreachable or its disk full, new bindings that could not be written
 * through are {@link #defer deferred}: upserted behind by their own coalescing writer, which
 * retries until the database takes them (a newer row written meanwhile is not overwritten).
 *
 * <p>Thread-safe: the waiting queue is lock-free and the {@code committing} flag lets one committer
 * run at a time; the map of written rows is concurrent (a race writes a refresh once more, never
 * loses one); never blocks its caller.
 */
final class BindingPersistence implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BindingPersistence.class);
    /** Most write-throughs in one transaction, so a burst is answered in steps rather than all at the end. */
    private static final int MAX_GROUP = 500;
    /** How far the table's expiry of a binding may trail the binding's own before a refresh is written. */
    static final Duration MAX_EXPIRY_LAG = Duration.ofSeconds(60);

    private final Database database;
    private final RegistrationStore store;
    private final BatchWriter<Registration> refreshes;
    private final BatchWriter<Registration> deferred;
    private final ExecutorService io = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("registrar-db-", 0).factory());
    private final Queue<PendingWrite> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean committing = new AtomicBoolean();

    /** The last row written or queued for each binding: what a refresh is compared with. */
    private final ConcurrentHashMap<RegistrationKey, Written> written = new ConcurrentHashMap<>();

    /** The columns of a written row that a refresh may not change without being written. */
    private record Written(Instant expiresAt, Flow flow, Optional<String> instanceId, String userAgent) {
        static Written of(Binding b) {
            return new Written(b.expiresAt(), b.flow(), b.instanceId(), b.userAgent());
        }
    }

    private record PendingWrite(List<Registration> saved, List<RegistrationKey> removed, CompletableFuture<Void> done) {}

    BindingPersistence(Database database, RegistrationStore store, BatchWriter<Registration> refreshes) {
        this.database = database;
        this.store = store;
        this.refreshes = refreshes;
        // The store call joins the writer's transaction (Database.write on the same thread).
        this.deferred = new BatchWriter<>("binding_deferred", database, BatchWriter.Settings.defaults(BatchWriter.Overflow.WAIT),
                Registration::key, (h, batch) -> store.write(batch, List.of()));
    }

    /** Whether a write-through failed because the database is unreachable or full (not because of the row). */
    static boolean isDatabaseFault(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof UnavailableException || cause instanceof StorageFullException;
    }

    /** Queues whole rows for bindings whose write-through failed on a database fault; never blocks. */
    void defer(List<Binding> saved) {
        saved.forEach(b -> deferred.submit(row(b)));
    }

    /**
     * Saves {@code saved} and deletes {@code removed} in one transaction (shared with other
     * write-throughs waiting at the same time), on a virtual thread.
     */
    CompletableFuture<Void> writeThrough(List<Binding> saved, List<Binding> removed) {
        PendingWrite write;
        try {
            write = new PendingWrite(saved.stream().map(BindingPersistence::row).toList(),
                    removed.stream().map(b -> row(b).key()).toList(), new CompletableFuture<>());
        } catch (ValidationException e) {
            return CompletableFuture.failedFuture(e);
        }
        // Recorded before the commit: a refresh that follows is compared with what is going in.
        saved.forEach(b -> written.put(key(b), Written.of(b)));
        removed.forEach(b -> written.remove(key(b)));
        waiting.add(write);
        if (committing.compareAndSet(false, true)) {
            io.execute(this::commitWaiting);
        }
        return write.done();
    }

    /** Commits groups until nothing waits; the only committer while {@code committing} is held. */
    private void commitWaiting() {
        while (true) {
            List<PendingWrite> group = new ArrayList<>();
            for (PendingWrite w; group.size() < MAX_GROUP && (w = waiting.poll()) != null; ) {
                group.add(w);
            }
            if (group.isEmpty()) {
                committing.set(false);
                // A write may have arrived between the last poll and the reset.
                if (waiting.isEmpty() || !committing.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            commit(group);
        }
    }

    private void commit(List<PendingWrite> group) {
        try {
            database.execute(h -> group.forEach(w -> store.write(w.saved(), w.removed())));
            group.forEach(w -> w.done().complete(null));
        } catch (RuntimeException groupFailed) {
            if (group.size() == 1) {
                group.getFirst().done().completeExceptionally(groupFailed);
                return;
            }
            for (PendingWrite w : group) {
                try {
                    store.write(w.saved(), w.removed());
                    w.done().complete(null);
                } catch (RuntimeException e) {
                    w.done().completeExceptionally(e);
                }
            }
        }
    }

    /**
     * Queues the refreshes the table needs for the write-behind writer (see the class comment for
     * those it does not); never blocks.
     */
    void writeBehind(List<Binding> refreshed) {
        for (Binding b : refreshed) {
            RegistrationKey key = key(b);
            Written last = written.get(key);
            if (last != null && onlyExpiryNudged(last, b)) {
                continue;
            }
            written.put(key, Written.of(b));
            refreshes.submit(row(b));
        }
    }

    /** Whether {@code refresh} changes the row {@code last} only by an expiry within the allowed lag. */
    private static boolean onlyExpiryNudged(Written last, Binding refresh) {
        Duration interval = Duration.between(refresh.updatedAt(), refresh.expiresAt());
        Duration lag = Duration.between(last.expiresAt(), refresh.expiresAt());
        Duration allowed = interval.dividedBy(10);
        if (allowed.compareTo(MAX_EXPIRY_LAG) > 0) {
            allowed = MAX_EXPIRY_LAG;
        }
        // An expiry moved back (a shorter interval asked for) is always written: the table must not outlive the binding.
        return !lag.isNegative() && lag.compareTo(allowed) < 0
                && last.flow().equals(refresh.flow())
                && last.instanceId().equals(refresh.instanceId())
                && last.userAgent().equals(refresh.userAgent());
    }

    private static RegistrationKey key(Binding b) {
        return new RegistrationKey(b.extension(), b.contactKey());
    }

    /** Reads the live bindings (blocking: call on a virtual thread or at start-up). */
    List<Binding> loadLive(Instant now) {
        return store.listLive(now).stream().flatMap(r -> binding(r).stream()).toList();
    }

    /** Deletes the expired rows (blocking: call on a virtual thread). */
    int deleteExpired(Instant now) {
        written.values().removeIf(w -> !w.expiresAt().isAfter(now));
        return store.deleteExpired(now);
    }

    /** Runs blocking work on this component's virtual threads. */
    CompletableFuture<Void> runAsync(Runnable work) {
        return CompletableFuture.runAsync(work, io);
    }

    /** Flushes the refreshes still waiting. */
    @Override
    public void close() {
        refreshes.close();
        deferred.close();
        io.close();
    }

    static Registration row(Binding b) {
        return new Registration(b.extension(), b.contactKey(), b.instanceId(), b.callId(), b.cseq(),
                b.flow().transport().name(), b.flow().remote().getAddress().getHostAddress(), b.flow().remote().getPort(),
                b.flow().local().getAddress().getHostAddress(), b.flow().local().getPort(), b.userAgent(),
                b.expiresAt(), b.registeredAt(), b.updatedAt());
    }

    private static Optional<Binding> binding(Registration r) {
        try {
            Flow flow = new Flow(Transport.valueOf(r.transport()),
                    new InetSocketAddress(InetAddress.ofLiteral(r.localAddress()), r.localPort()),
                    new InetSocketAddress(InetAddress.ofLiteral(r.sourceAddress()), r.sourcePort()));
            return Optional.of(new Binding(r.extensionNumber(), SipUri.parse(r.contactUri()), r.contactUri(),
                    r.instanceId(), flow, r.callId(), r.cseq(), r.userAgent(), r.expiresAt(), r.registeredAt(),
                    r.updatedAt()));
        } catch (SipParseException | IllegalArgumentException | ValidationException e) {
            // Only a hand-edited row gets here; one bad row must not stop the others from loading.
            log.warn("stored binding skipped extension={} contact={} reason={}", r.extensionNumber(), r.contactUri(),
                    e.getMessage());
            return Optional.empty();
        }
    }
}
