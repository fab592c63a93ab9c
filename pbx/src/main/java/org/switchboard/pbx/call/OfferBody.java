package org.switchboard.pbx.call;

/**
 * How a trunk attempt's INVITE carries the SDP offer: as the body itself ({@link #SDP}), or as one
 * part of a larger body (an emergency call's {@code multipart/mixed} with the caller's location).
 * Implementations are immutable and run on the call's executor (CPU only).
 */
@FunctionalInterface
public interface OfferBody {
    /** The offer as the whole body, {@code application/sdp}; an empty offer (delayed offer) stays empty. */
    OfferBody SDP = sdp -> new Body(CallMedia.SDP, sdp);

    /** A message body and its Content-Type. Immutable (the bytes are copied in and out). */
    record Body(String contentType, byte[] bytes) {
        public Body {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** The body carrying {@code sdp} (empty for an INVITE without an offer). */
    Body carrying(byte[] sdp);
}
