package org.switchboard.sip.transport;

/**
 * Receives each complete SIP message (one datagram, or one Content-Length framed chunk of a
 * stream) with the flow it arrived on. Called on a {@code sip-io-} event loop thread, so an
 * implementation must not block.
 */
@FunctionalInterface
public interface FrameReceiver {
    /** Handles one framed message; the array is owned by the receiver from now on. */
    void receive(byte[] message, Flow flow);
}
