package org.switchboard.pbx.parking;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.switchboard.media.endpoint.Mixer;
import org.switchboard.pbx.call.PbxLeg;

/**
 * Two PBX-answered legs of different calls joined so each hears the other, until either ends: today as the only
 * two seats of a private {@link Mixer} ({@link PbxLeg#joinMixer}). The call engine's bridge operation will replace
 * what this class does inside; its users only call {@link #seat} and {@link #end}.
 *
 * <p>Thread-safe: each side calls {@link #seat} and {@link #end} on its own call's executor; the lock guards the
 * list of seated sides only, and the other side's hang-up is posted to its executor, never run here.
 */
final class LegBridge {
    private final Mixer mixer;
    private final List<Side> seated = new ArrayList<>(2);
    private boolean over;

    private record Side(PbxLeg leg, Executor executor) {}

    LegBridge(Mixer mixer) {
        this.mixer = mixer;
    }

    /** Joins {@code leg} (on {@code executor}, the caller's thread); a bridge already over hangs it up at once. */
    void seat(PbxLeg leg, Executor executor) {
        String cause;
        synchronized (this) {
            if (!over) {
                seated.add(new Side(leg, executor));
                leg.joinMixer(mixer);
                return;
            }
            cause = "bridged party already gone";
        }
        leg.hangUp(cause);
    }

    /** {@code leg}'s call ended with {@code cause}: the bridge is over and the other side is hung up. */
    void end(PbxLeg leg, String cause) {
        List<Side> others;
        synchronized (this) {
            if (over) {
                return;
            }
            over = true;
            others = seated.stream().filter(s -> s.leg() != leg).toList();
        }
        mixer.close();
        for (Side other : others) {
            other.executor().execute(() -> other.leg().hangUp("bridged party ended: " + cause));
        }
    }
}
