package org.switchboard.pbx.call;

/**
 * What happens to a leg the PBX originates ({@link CallControl#originate}), told to the originator:
 * the ring's progress, then, once the party answered, everything a {@link PbxLegListener} hears.
 * Every method runs on the call's executor and must not block.
 */
public interface OriginatedLegListener extends PbxLegListener {

    /** The party's phone rings (a provisional response other than 100), told once. */
    default void ringing(PbxLeg leg) {}

    /**
     * Nobody answered: the SIP status and reason (480 No Answer when the ring time ran out, 480 when
     * no phone is registered, else the best final response of the phones: 486, 603...). {@link #ended}
     * follows.
     */
    default void failed(PbxLeg leg, int status, String reason) {}
}
