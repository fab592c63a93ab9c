package org.switchboard.media.sdp;

import java.util.List;
import java.util.Optional;

/**
 * A whole SDP body (RFC 4566): origin, session name, session-level connection, kept fields, attributes and the
 * media sections in order. {@link #toSdp()} serializes it; {@link SdpParser#parse(String)} reads one.
 *
 * <p>Immutable: any thread may use it.
 */
public record SessionDescription(
        Origin origin,
        String sessionName,
        Optional<Connection> connection,
        List<SdpField> fields,
        List<Attribute> attributes,
        List<MediaDescription> media) {
    private static final String SESSION_FIELDS_BEFORE_CONNECTION = "iuep";

    /** Validates and copies. */
    public SessionDescription {
        SdpText.lineSafe("session name", sessionName);
        fields = List.copyOf(fields);
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
    }

    /** The connection that applies to a media section: its own, else the session's (RFC 4566 §5.7). */
    public Optional<Connection> connectionOf(MediaDescription m) {
        return m.connection().or(() -> connection);
    }

    /** The declared direction of a media section: its own attribute, else the session's, else sendrecv. */
    public Direction directionOf(MediaDescription m) {
        return m.direction().or(this::sessionDirection).orElse(Direction.SENDRECV);
    }

    /**
     * The direction of a media section as the sender means it, counting the old hold form c=0.0.0.0 as "do not
     * send to me" (RFC 3264 §8.4).
     */
    public Direction effectiveDirectionOf(MediaDescription m) {
        Direction declared = directionOf(m);
        boolean oldHold = connectionOf(m).map(Connection::isHold).orElse(false);
        return oldHold ? declared.withoutReceiving() : declared;
    }

    private Optional<Direction> sessionDirection() {
        return attributes.stream()
                .filter(a -> a.value().isEmpty())
                .flatMap(a -> Direction.ofAttribute(a.name()).stream())
                .findFirst();
    }

    /** This description with other media sections. */
    public SessionDescription withMedia(List<MediaDescription> newMedia) {
        return new SessionDescription(origin, sessionName, connection, fields, attributes, newMedia);
    }

    /** This description with another session-level connection. */
    public SessionDescription withConnection(Optional<Connection> newConnection) {
        return new SessionDescription(origin, sessionName, newConnection, fields, attributes, media);
    }

    /** This description with other session-level attributes. */
    public SessionDescription withAttributes(List<Attribute> newAttributes) {
        return new SessionDescription(origin, sessionName, connection, fields, newAttributes, media);
    }

    /** This description with another origin, as a B2BUA sends its own origin on each leg. */
    public SessionDescription withOrigin(Origin newOrigin) {
        return new SessionDescription(newOrigin, sessionName, connection, fields, attributes, media);
    }

    /** The SDP text with CRLF line ends, fields in RFC 4566 §5 order. */
    public String toSdp() {
        StringBuilder out = new StringBuilder(512);
        out.append("v=0\r\n").append(origin.toLine()).append("\r\n");
        out.append("s=").append(sessionName).append("\r\n");
        fields.stream()
                .filter(f -> SESSION_FIELDS_BEFORE_CONNECTION.indexOf(f.type()) >= 0)
                .forEach(f -> out.append(f.toLine()).append("\r\n"));
        connection.ifPresent(c -> out.append(c.toLine()).append("\r\n"));
        fields.stream()
                .filter(f -> SESSION_FIELDS_BEFORE_CONNECTION.indexOf(f.type()) < 0)
                .forEach(f -> out.append(f.toLine()).append("\r\n"));
        attributes.forEach(a -> out.append(a.toLine()).append("\r\n"));
        media.forEach(m -> m.appendTo(out));
        return out.toString();
    }
}
