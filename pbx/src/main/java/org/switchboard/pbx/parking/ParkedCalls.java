package org.switchboard.pbx.parking;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.switchboard.store.parking.NewParkLot;

/**
 * The calls parked on this node, by slot: kept in memory, not in a table, because the calls themselves live in
 * this process (after a crash a stored list could only be wrong). A slot is taken by {@link #park}, freed by the
 * retriever's {@link #take}, the call's end ({@link #remove}) or its timeout ({@link #expire}).
 *
 * <p>Thread-safe: every method holds this object's lock for a few map operations; nothing blocks under it. Call
 * executors of parked and retrieving calls and the housekeeping thread use it.
 */
public final class ParkedCalls {
    private final Clock clock;
    private final TreeMap<Integer, Entry> bySlot = new TreeMap<>();

    /**
     * A parked call as the API lists it.
     *
     * @param caller the parked party's extension (the call's caller)
     * @param parkedBy the extension that parked it: the transferor of a blind transfer, else the caller itself
     */
    public record Parked(int slot, String caller, String callerName, String parkedBy, Instant since) {}

    /** A parked call and the listener that drives it on its own executor. */
    private record Entry(Parked parked, ParkedCaller owner, Instant deadline) {}

    public ParkedCalls(Clock clock) {
        this.clock = clock;
    }

    /** Every parked call, by slot. */
    public synchronized List<Parked> list() {
        return bySlot.values().stream().map(Entry::parked).toList();
    }

    /** Whether a call waits in {@code slot}. */
    synchronized boolean isTaken(int slot) {
        return bySlot.containsKey(slot);
    }

    /**
     * Parks {@code owner} in the first free slot of {@code lot} until its timeout; empty when every slot is taken.
     */
    synchronized OptionalInt park(NewParkLot lot, ParkedCaller owner, String caller, String callerName,
            String parkedBy) {
        for (int slot = lot.firstSlot(); slot <= lot.lastSlot(); slot++) {
            if (!bySlot.containsKey(slot)) {
                Instant now = clock.instant();
                bySlot.put(slot, new Entry(new Parked(slot, caller, callerName, parkedBy, now), owner,
                        now.plusSeconds(lot.timeoutSeconds())));
                return OptionalInt.of(slot);
            }
        }
        return OptionalInt.empty();
    }

    /** Takes the call out of {@code slot} for a retriever; empty when the slot is free. */
    synchronized Optional<ParkedCaller> take(int slot) {
        return Optional.ofNullable(bySlot.remove(slot)).map(Entry::owner);
    }

    /** Frees the slot {@code owner} holds, if it still holds one (its call ended). */
    synchronized void remove(ParkedCaller owner) {
        bySlot.values().removeIf(e -> e.owner() == owner);
    }

    /**
     * Frees the slots whose timeout has passed and tells each call so on its own executor, where it rings back the
     * phone that parked it. Called by a periodic job; only posts.
     */
    public void expire() {
        for (ParkedCaller due : takeDue(clock.instant())) {
            due.executor().execute(due::timedOut);
        }
    }

    private synchronized List<ParkedCaller> takeDue(Instant now) {
        List<ParkedCaller> due = new ArrayList<>();
        for (var it = bySlot.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Entry> e = it.next();
            if (!e.getValue().deadline().isAfter(now)) {
                due.add(e.getValue().owner());
                it.remove();
            }
        }
        return due;
    }
}
