package org.switchboard.pbx.call;

import java.util.concurrent.CompletableFuture;
import org.switchboard.media.endpoint.Mixer;

/**
 * Two legs the PBX holds ({@link PbxLeg}s: callers it answered, parties it rang) connected so they talk
 * (docs/call-engine.md, "Bridging two PBX legs"): each is seated in a private two-seat {@link Mixer}, which
 * decodes, so their codecs may differ, and each hears the other while its application plays nothing. What parking
 * retrieval and queue callbacks build on. {@link #unbridge} puts both back under their applications: each hears
 * silence or what its application plays. A leg that ends, is transferred or joins another mixer leaves the bridge
 * by itself; the other then hears silence until it is unbridged.
 *
 * <p>Any thread may call: each leg is seated and unseated on its own call's executor.
 */
public final class Bridge {
    private final PbxAnsweredCall first;
    private final PbxAnsweredCall second;
    private final Mixer mixer;

    private Bridge(PbxAnsweredCall first, PbxAnsweredCall second, Mixer mixer) {
        this.first = first;
        this.second = second;
        this.mixer = mixer;
    }

    /**
     * Connects {@code first} and {@code second}, both answered legs of this node's call control. A leg that is not
     * (or no longer) answered when its executor gets to it is left out.
     *
     * @throws IllegalArgumentException for a leg call control does not hold, or the same leg twice
     */
    public static Bridge open(PbxLeg first, PbxLeg second) {
        PbxAnsweredCall a = held(first);
        PbxAnsweredCall b = held(second);
        if (a == b) {
            throw new IllegalArgumentException("a leg cannot be bridged to itself");
        }
        Bridge bridge = new Bridge(a, b, a.newMixer("bridge " + a.id() + " " + b.id()));
        a.executor().execute(() -> a.seatIn(bridge.mixer));
        b.executor().execute(() -> b.seatIn(bridge.mixer));
        return bridge;
    }

    /** Unseats both legs (each on its executor) and closes the bridge's mixer; completes once it is closed. Idempotent. */
    public CompletableFuture<Void> unbridge() {
        return CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> first.unseatFrom(mixer), first.executor()),
                CompletableFuture.runAsync(() -> second.unseatFrom(mixer), second.executor()))
                .thenCompose(unseated -> mixer.close());
    }

    /** How many legs sit in the bridge now (2 while both talk). */
    public CompletableFuture<Integer> size() {
        return mixer.size();
    }

    private static PbxAnsweredCall held(PbxLeg leg) {
        if (leg instanceof PbxAnsweredCall call) {
            return call;
        }
        throw new IllegalArgumentException("not a leg call control holds: " + leg);
    }
}
