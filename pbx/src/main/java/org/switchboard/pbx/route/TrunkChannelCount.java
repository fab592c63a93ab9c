package org.switchboard.pbx.route;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.pbx.call.TrunkDial;
import org.switchboard.pbx.trunk.TrunkService;

/**
 * The calls each trunk carries on this node, against its {@code max_channels} (0: no limit): a
 * call takes a channel when its INVITE goes to the trunk and gives it back when that trunk fails
 * or the call ends ({@code CallEnded}, followed by the route module). One channel per call at a
 * time. Thread-safe: the counts change atomically per trunk.
 */
public final class TrunkChannelCount implements TrunkDial.Channels {
    private final TrunkService trunks;
    private final Map<String, Integer> inUse = new ConcurrentHashMap<>();
    private final Map<String, String> byCall = new ConcurrentHashMap<>();

    public TrunkChannelCount(TrunkService trunks) {
        this.trunks = trunks;
    }

    @Override
    public boolean seize(String trunk, String callId) {
        return seize(trunk, callId, trunks.find(trunk).map(t -> t.values().maxChannels()).orElse(0));
    }

    /**
     * The same counts for calls that a full trunk must still carry (emergency calls, Kari's Law): a
     * channel is always taken and counted, so the calls that follow see the trunk as full.
     */
    public TrunkDial.Channels beyondLimits() {
        return new TrunkDial.Channels() {
            @Override
            public boolean seize(String trunk, String callId) {
                return TrunkChannelCount.this.seize(trunk, callId, 0);
            }

            @Override
            public void free(String callId) {
                TrunkChannelCount.this.free(callId);
            }
        };
    }

    private boolean seize(String trunk, String callId, int max) {
        boolean[] taken = {false};
        inUse.compute(trunk, (name, count) -> {
            int now = count == null ? 0 : count;
            if (max > 0 && now >= max) {
                return count;
            }
            taken[0] = true;
            return now + 1;
        });
        if (taken[0]) {
            String previous = byCall.put(callId, trunk);
            if (previous != null) {
                release(previous); // a call holds one channel: the trunk it left gets its own back
            }
        }
        return taken[0];
    }

    @Override
    public void free(String callId) {
        String trunk = byCall.remove(callId);
        if (trunk != null) {
            release(trunk);
        }
    }

    /** The trunk call {@code callId} holds a channel of now, if any (fraud control prices the call by it). */
    public Optional<String> trunkOf(String callId) {
        return Optional.ofNullable(byCall.get(callId));
    }

    /** The calls {@code trunk} carries now. */
    public int inUse(String trunk) {
        return inUse.getOrDefault(trunk, 0);
    }

    private void release(String trunk) {
        inUse.computeIfPresent(trunk, (name, count) -> count <= 1 ? null : count - 1);
    }
}
