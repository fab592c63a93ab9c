package org.switchboard.media.endpoint;

/** Takes one in-order audio payload out of a {@link JitterBuffer}; on the endpoint's event loop. */
@FunctionalInterface
interface FrameConsumer {
    /** {@code payload[0, length)} holds the G.711 codes of the next frame; valid only during the call. */
    void frame(byte[] payload, int length);
}
