package org.switchboard.pbx.call;

import java.util.Optional;
import java.util.concurrent.Executor;
import org.switchboard.media.rtp.RelaySession;

/**
 * An answered call whose two phones talk through the relay, as a recorder sees it. Immutable.
 *
 * @param callId its CDR's call_id
 * @param caller the calling extension (leg A)
 * @param callee the answering extension (leg B)
 * @param session the relay carrying its media
 * @param codec the codec the phones agreed, if known
 * @param executor the call's executor, where the recorder posts back what must happen on the call
 */
public record BridgedCall(String callId, String caller, String callee, RelaySession session, Optional<String> codec,
        Executor executor) {}
