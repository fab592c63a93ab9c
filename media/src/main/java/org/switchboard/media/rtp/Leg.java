package org.switchboard.media.rtp;

/** One side of a relayed call: A is the caller's side, B the callee's, by convention of the PBX. */
public enum Leg {
    A,
    B;

    /** The leg packets from this one are relayed to. */
    public Leg other() {
        return this == A ? B : A;
    }
}
