package org.switchboard.pbx.emergency;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.switchboard.pbx.call.OfferBody;

/**
 * An emergency INVITE's body (RFC 6442 §3.1): {@code multipart/mixed} with the SDP offer first
 * and the PIDF-LO second, labelled with the Content-ID the {@code Geolocation} header points at
 * ({@code <cid:...>}). An INVITE without an offer carries the location alone, still as
 * multipart. Immutable.
 *
 * @param contentId the PIDF-LO part's Content-ID, without angle brackets
 * @param boundary the multipart boundary: a random token, found in neither part
 */
record LocationBody(String pidf, String contentId, String boundary) implements OfferBody {

    /** The {@code Geolocation} header's value for this body. */
    String geolocation() {
        return "<cid:" + contentId + ">";
    }

    @Override
    public Body carrying(byte[] sdp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(sdp.length + pidf.length() + 256);
        if (sdp.length > 0) {
            out.writeBytes(ascii("--" + boundary + "\r\nContent-Type: application/sdp\r\n\r\n"));
            out.writeBytes(sdp);
            out.writeBytes(ascii("\r\n"));
        }
        out.writeBytes(ascii("--" + boundary + "\r\nContent-Type: " + PidfLo.CONTENT_TYPE + "\r\nContent-ID: <"
                + contentId + ">\r\n\r\n"));
        out.writeBytes(pidf.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(ascii("\r\n--" + boundary + "--\r\n"));
        return new Body("multipart/mixed;boundary=" + boundary, out.toByteArray());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
