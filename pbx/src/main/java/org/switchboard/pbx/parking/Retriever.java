package org.switchboard.pbx.parking;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.switchboard.media.endpoint.Mixer;
import org.switchboard.pbx.call.PbxLeg;
import org.switchboard.pbx.call.PbxLegListener;

/**
 * The call of someone who dialled a slot: once answered it takes the parked call out of the slot and joins it
 * ({@link LegBridge}); the slot emptied meanwhile (the parked caller hung up, timed out, someone else was
 * quicker): the retriever is hung up.
 *
 * <p>Owned by the retriever's call executor.
 */
final class Retriever implements PbxLegListener {
    private final int slot;
    private final ParkedCalls slots;
    private final Function<String, Mixer> mixers;
    private final Executor executor;
    private PbxLeg leg;
    private LegBridge bridge;

    Retriever(int slot, ParkedCalls slots, Function<String, Mixer> mixers, Executor executor) {
        this.slot = slot;
        this.slots = slots;
        this.mixers = mixers;
        this.executor = executor;
    }

    @Override
    public void answered(PbxLeg answered) {
        leg = answered;
        Optional<ParkedCaller> parked = slots.take(slot);
        if (parked.isEmpty()) {
            leg.hangUp("park slot " + slot + " empty");
            return;
        }
        bridge = new LegBridge(mixers.apply("park-" + slot));
        bridge.seat(leg, executor);
        LegBridge joined = bridge;
        ParkedCaller owner = parked.get();
        owner.executor().execute(() -> owner.retrieved(joined));
    }

    @Override
    public void ended(String cause) {
        if (bridge != null) {
            bridge.end(leg, cause);
        }
    }
}
