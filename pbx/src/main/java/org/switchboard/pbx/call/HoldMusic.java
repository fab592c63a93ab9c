package org.switchboard.pbx.call;

import java.util.Optional;
import org.switchboard.media.endpoint.AudioSource;

/**
 * Where the music a held party hears comes from (docs/call-engine.md, "Hold with music"): the
 * music-on-hold module answers with a listener of its shared stream; {@link #NONE} keeps a held
 * party in silence. Implementations are thread-safe; {@link #forHold} runs on a call's executor
 * and must not block.
 */
@FunctionalInterface
public interface HoldMusic {
    /** No music: the held party hears nothing, as before there was music on hold. */
    HoldMusic NONE = heldBy -> Optional.empty();

    /** A fresh source for one held party, the call held by {@code heldBy} (the extension that held it). */
    Optional<AudioSource> forHold(String heldBy);
}
