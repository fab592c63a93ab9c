package org.switchboard.media.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One media section: {@code m=<media> <port>[/<count>] <proto> <fmt> ...} with its optional c=, kept fields
 * (i=, b=, k=) and attributes, in order (RFC 4566 §5.14).
 *
 * <p>Immutable: any thread may use it.
 */
public record MediaDescription(
        String media,
        int port,
        int numberOfPorts,
        String protocol,
        List<String> formats,
        Optional<Connection> connection,
        List<SdpField> fields,
        List<Attribute> attributes) {
    /** The RTP profile the relay carries (RFC 3551). */
    public static final String RTP_AVP = "RTP/AVP";
    /** The secure RTP profile (RFC 3711 §12), keyed here by SDES {@code a=crypto} lines (RFC 4568). */
    public static final String RTP_SAVP = "RTP/SAVP";

    /** Validates ports and tokens and copies the lists. */
    public MediaDescription {
        SdpText.token("media type", media);
        SdpText.token("transport protocol", protocol);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("media port out of range: " + port);
        }
        if (numberOfPorts < 1) {
            throw new IllegalArgumentException("number of ports must be at least 1: " + numberOfPorts);
        }
        formats = List.copyOf(formats);
        formats.forEach(f -> SdpText.token("media format", f));
        fields = List.copyOf(fields);
        for (SdpField f : fields) {
            if ("ibk".indexOf(f.type()) < 0) {
                throw new IllegalArgumentException("field " + f.type() + "= is not allowed in a media section");
            }
        }
        attributes = List.copyOf(attributes);
    }

    /** Whether the stream is rejected or disabled (port 0, RFC 3264 §6). */
    public boolean isRejected() {
        return port == 0;
    }

    /** The payload formats as RTP maps, in m-line order; formats without rtpmap use the RFC 3551 static table. */
    public List<RtpMap> rtpMaps() {
        // one pass over the attributes keeps this linear for hostile offers with thousands of formats
        Map<String, RtpMap> declared = new HashMap<>();
        for (Attribute a : attributes) {
            if (a.name().equals("rtpmap") && a.value().isPresent()) {
                RtpMap map = RtpMap.parse(a.value().get());
                declared.putIfAbsent(Integer.toString(map.payloadType()), map);
            }
        }
        List<RtpMap> maps = new ArrayList<>();
        for (String format : formats) {
            RtpMap map = declared.get(format);
            if (map != null) {
                maps.add(map);
            } else {
                staticMap(format).ifPresent(maps::add);
            }
        }
        return maps;
    }

    /** The RTP map of one format of this line, from its rtpmap attribute or the static table. */
    public Optional<RtpMap> rtpMap(String format) {
        for (Attribute a : attributes) {
            if (a.name().equals("rtpmap") && a.value().isPresent() && a.value().get().startsWith(format + " ")) {
                return Optional.of(RtpMap.parse(a.value().get()));
            }
        }
        return staticMap(format);
    }

    private static Optional<RtpMap> staticMap(String format) {
        try {
            return RtpMap.ofStatic(Integer.parseInt(format));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The codecs offered, in m-line order, without telephone-event: the preference list this side expressed. */
    public List<Codec> codecs() {
        return rtpMaps().stream().map(RtpMap::codec).filter(c -> !c.isTelephoneEvent()).toList();
    }

    /** The format parameters ({@code a=fmtp}) of one payload type, without the payload type. */
    public Optional<String> fmtp(int payloadType) {
        String prefix = payloadType + " ";
        return attributes.stream()
                .filter(a -> a.name().equals("fmtp"))
                .flatMap(a -> a.value().stream())
                .filter(v -> v.startsWith(prefix))
                .map(v -> v.substring(prefix.length()))
                .findFirst();
    }

    /** The packet time in milliseconds ({@code a=ptime}, RFC 4566 §6). */
    public OptionalInt ptimeMs() {
        Optional<String> v = attributeValue("ptime");
        if (v.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int ms = Integer.parseInt(v.get().trim());
            if (ms <= 0) {
                throw new SdpParseException("ptime must be positive: " + ms);
            }
            return OptionalInt.of(ms);
        } catch (NumberFormatException e) {
            throw new SdpParseException("ptime is not a number: '" + v.get() + "'");
        }
    }

    /** The direction attribute of this section, if it has one. */
    public Optional<Direction> direction() {
        return attributes.stream()
                .filter(a -> a.value().isEmpty())
                .flatMap(a -> Direction.ofAttribute(a.name()).stream())
                .findFirst();
    }

    /** The RFC 3605 RTCP address, if given. */
    public Optional<RtcpAttribute> rtcp() {
        return attributeValue("rtcp").map(RtcpAttribute::parse);
    }

    /** The SDES {@code a=crypto} lines, in order (the offerer's preference, RFC 4568 §5.1.1). */
    public List<CryptoAttribute> cryptos() {
        return attributes.stream()
                .filter(a -> a.name().equals(CryptoAttribute.NAME))
                .map(a -> CryptoAttribute.parse(a.value().orElseThrow(
                        () -> new SdpParseException("crypto attribute without a value"))))
                .toList();
    }

    /** The value of the first attribute called {@code name}. */
    public Optional<String> attributeValue(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).flatMap(a -> a.value().stream()).findFirst();
    }

    /** This section on another port. */
    public MediaDescription withPort(int newPort) {
        return new MediaDescription(media, newPort, numberOfPorts, protocol, formats, connection, fields, attributes);
    }

    /** This section under another transport protocol (e.g. {@link #RTP_SAVP} for {@link #RTP_AVP}). */
    public MediaDescription withProtocol(String newProtocol) {
        return new MediaDescription(media, port, numberOfPorts, newProtocol, formats, connection, fields, attributes);
    }

    /** This section with another media-level connection. */
    public MediaDescription withConnection(Optional<Connection> newConnection) {
        return new MediaDescription(media, port, numberOfPorts, protocol, formats, newConnection, fields, attributes);
    }

    /** This section with other attributes. */
    public MediaDescription withAttributes(List<Attribute> newAttributes) {
        return new MediaDescription(media, port, numberOfPorts, protocol, formats, connection, fields, newAttributes);
    }

    void appendTo(StringBuilder out) {
        out.append("m=").append(media).append(' ').append(port);
        if (numberOfPorts > 1) {
            out.append('/').append(numberOfPorts);
        }
        out.append(' ').append(protocol);
        formats.forEach(f -> out.append(' ').append(f));
        out.append("\r\n");
        // RFC 4566 §5: i= before c=, then b= and k=, then attributes
        fields.stream().filter(f -> f.type() == 'i').forEach(f -> out.append(f.toLine()).append("\r\n"));
        connection.ifPresent(c -> out.append(c.toLine()).append("\r\n"));
        fields.stream().filter(f -> f.type() != 'i').forEach(f -> out.append(f.toLine()).append("\r\n"));
        attributes.forEach(a -> out.append(a.toLine()).append("\r\n"));
    }
}
