package org.switchboard.pbx.registrar;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.message.SipParseException;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.registrar.Registration;
import org.switchboard.store.registrar.RegistrationStore;

/**
 * Moves bindings between the location service and the {@code registrations} table: new and removed
 * bindings are written through on a virtual thread (the caller gets a future and posts the result
 * back to its own executor), refreshes are written behind through a coalescing {@link
 * BatchWriter}. Thread-safe; never blocks its caller.
 */
final class BindingPersistence implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BindingPersistence.class);

    private final RegistrationStore store;
    private final BatchWriter<Registration> refreshes;
    private final ExecutorService io = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("registrar-db-", 0).factory());

    BindingPersistence(RegistrationStore store, BatchWriter<Registration> refreshes) {
        this.store = store;
        this.refreshes = refreshes;
    }

    /** Saves {@code saved} and deletes {@code removed} in one transaction, on a virtual thread. */
    CompletableFuture<Void> writeThrough(List<Binding> saved, List<Binding> removed) {
        return CompletableFuture.runAsync(() -> store.write(
                saved.stream().map(BindingPersistence::row).toList(),
                removed.stream().map(b -> row(b).key()).toList()), io);
    }

    /** Queues refreshes for the write-behind writer; never blocks. */
    void writeBehind(List<Binding> refreshed) {
        refreshed.forEach(b -> refreshes.submit(row(b)));
    }

    /** Reads the live bindings (blocking: call on a virtual thread or at start-up). */
    List<Binding> loadLive(Instant now) {
        return store.listLive(now).stream().flatMap(r -> binding(r).stream()).toList();
    }

    /** Deletes the expired rows (blocking: call on a virtual thread). */
    int deleteExpired(Instant now) {
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
