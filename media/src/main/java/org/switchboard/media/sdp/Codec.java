package org.switchboard.media.sdp;

import java.util.Locale;

/**
 * A payload format independent of its payload type number: encoding name (compared case-insensitively, RFC 4566
 * §6), RTP clock rate and channels.
 *
 * <p>Immutable: any thread may use it.
 */
public record Codec(String encodingName, int clockRateHz, int channels) {
    /** G.711 µ-law. */
    public static final Codec PCMU = new Codec("PCMU", 8000, 1);
    /** G.711 A-law. */
    public static final Codec PCMA = new Codec("PCMA", 8000, 1);
    /** G.722, signalled at 8000 Hz (RFC 3551 §4.5.2). */
    public static final Codec G722 = new Codec("G722", 8000, 1);
    /** RFC 4733 named telephone events (DTMF) at 8000 Hz. */
    public static final Codec TELEPHONE_EVENT = new Codec("telephone-event", 8000, 1);

    /** Validates the parts. */
    public Codec {
        SdpText.token("encoding name", encodingName);
        if (clockRateHz <= 0 || channels <= 0) {
            throw new IllegalArgumentException("clock rate and channels must be positive");
        }
    }

    /** Whether {@code map} describes this codec. */
    public boolean matches(RtpMap map) {
        return map.encodingName().equalsIgnoreCase(encodingName)
                && map.clockRateHz() == clockRateHz
                && map.channels() == channels;
    }

    /** Whether this is RFC 4733 telephone-event at any rate. */
    public boolean isTelephoneEvent() {
        return encodingName.toLowerCase(Locale.ROOT).equals("telephone-event");
    }
}
