package org.switchboard.media.sdp;

import java.util.Optional;

/**
 * One payload format of a media line: {@code a=rtpmap:<pt> <encoding>/<clock>[/<channels>]} (RFC 4566 §6), or
 * the static assignment of RFC 3551 §6 when the offer lists a static payload type without rtpmap.
 *
 * <p>Immutable: any thread may use it.
 */
public record RtpMap(int payloadType, String encodingName, int clockRateHz, int channels) {
    /** Validates the payload type (0-127), encoding token, clock rate and channel count. */
    public RtpMap {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type out of range 0-127: " + payloadType);
        }
        SdpText.token("encoding name", encodingName);
        if (encodingName.indexOf('/') >= 0) {
            throw new IllegalArgumentException("encoding name contains '/': " + encodingName);
        }
        if (clockRateHz <= 0) {
            throw new IllegalArgumentException("clock rate must be positive: " + clockRateHz);
        }
        if (channels <= 0) {
            throw new IllegalArgumentException("channels must be positive: " + channels);
        }
    }

    /** Parses the value of an rtpmap attribute, e.g. {@code 101 telephone-event/8000}. */
    public static RtpMap parse(String value) {
        int space = value.indexOf(' ');
        if (space <= 0) {
            throw new SdpParseException("rtpmap without payload type and encoding: '" + value + "'");
        }
        String[] parts = value.substring(space + 1).trim().split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new SdpParseException("rtpmap encoding is not name/rate[/channels]: '" + value + "'");
        }
        try {
            return new RtpMap(
                    Integer.parseInt(value.substring(0, space)),
                    parts[0],
                    Integer.parseInt(parts[1]),
                    parts.length == 3 ? Integer.parseInt(parts[2]) : 1);
        } catch (IllegalArgumentException e) {
            throw new SdpParseException("bad rtpmap '" + value + "': " + e.getMessage());
        }
    }

    /** The RFC 3551 static payload types audio phones use without an rtpmap line. */
    public static Optional<RtpMap> ofStatic(int payloadType) {
        return switch (payloadType) {
            case 0 -> Optional.of(new RtpMap(0, "PCMU", 8000, 1));
            case 3 -> Optional.of(new RtpMap(3, "GSM", 8000, 1));
            case 4 -> Optional.of(new RtpMap(4, "G723", 8000, 1));
            case 8 -> Optional.of(new RtpMap(8, "PCMA", 8000, 1));
            // RFC 3551 §4.5.2: G.722 is signalled at 8000 Hz although it samples at 16 kHz
            case 9 -> Optional.of(new RtpMap(9, "G722", 8000, 1));
            case 13 -> Optional.of(new RtpMap(13, "CN", 8000, 1));
            case 18 -> Optional.of(new RtpMap(18, "G729", 8000, 1));
            default -> Optional.empty();
        };
    }

    /** The payload format as a codec, without its payload type number. */
    public Codec codec() {
        return new Codec(encodingName, clockRateHz, channels);
    }

    /** The attribute value, channels written only when more than one. */
    public String toAttributeValue() {
        return payloadType + " " + encodingName + "/" + clockRateHz + (channels > 1 ? "/" + channels : "");
    }
}
