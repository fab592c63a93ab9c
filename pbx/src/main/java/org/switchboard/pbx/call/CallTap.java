package org.switchboard.pbx.call;

/** A recording of a bridged call in progress ({@link CallRecorders}); stopped on the call's executor. */
@FunctionalInterface
public interface CallTap {
    /** Stops recording: the file is finished and stored off the call's thread. Once. */
    void stop();
}
