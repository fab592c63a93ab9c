package org.switchboard.pbx.provisioning;

/**
 * An audio codec a provisioned phone may offer, named by its RTP encoding name (RFC 3551 §6,
 * RFC 7587 for Opus); immutable, any thread. Templates translate these to each vendor's names.
 */
public enum Codec {
    PCMU,
    PCMA,
    G722,
    G729,
    OPUS
}
