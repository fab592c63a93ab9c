package org.switchboard.pbx.call;

import java.util.concurrent.ThreadLocalRandom;
import org.switchboard.media.sdp.Origin;

/**
 * The PBX's SDP origin towards one leg: one session id per leg, and a version that grows with every
 * description we send it (RFC 3264 §8: a changed offer or answer carries a higher version). Owned
 * by the call's executor.
 */
final class LegOrigin {
    private final String sessionId = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    private final String address;
    private long version;

    LegOrigin(String address) {
        this.address = address;
    }

    /** The origin for the next description sent on this leg. */
    Origin next() {
        version++;
        return new Origin("switchboard", sessionId, Long.toString(version), "IN",
                address.indexOf(':') >= 0 ? "IP6" : "IP4", address);
    }
}
