package org.switchboard.pbx.call;

import java.util.Optional;

/**
 * The {@link CallRecorders} of a node, set once the recording feature is wired (after call control exists), read
 * by every call: a volatile reference, so calls need no lock. Thread-safe.
 */
final class RecorderHook implements CallRecorders {
    private volatile CallRecorders recorders = CallRecorders.NONE;

    void use(CallRecorders next) {
        recorders = next;
    }

    @Override
    public Optional<CallTap> tap(BridgedCall call, boolean demanded) {
        return recorders.tap(call, demanded);
    }
}
