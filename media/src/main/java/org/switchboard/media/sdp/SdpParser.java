package org.switchboard.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses SDP text (RFC 4566) into a {@link SessionDescription}. Lenient about line ends (CRLF or LF) and repeated
 * spaces, strict about structure: anything it cannot represent is an {@link SdpParseException}, never another
 * exception.
 *
 * <p>Stateless: any thread may call it.
 */
public final class SdpParser {
    /** Bodies larger than this are refused before parsing; real offers are a few hundred bytes. */
    public static final int MAX_LENGTH = 64 * 1024;

    private SdpParser() {}

    /** Parses a whole SDP body. */
    public static SessionDescription parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new SdpParseException("SDP longer than " + MAX_LENGTH + " characters");
        }
        List<String> lines = lines(text);
        int[] lineNumber = {0};
        try {
            return new Reader(lines, lineNumber).session();
        } catch (IllegalArgumentException e) {
            // record validation (including NumberFormatException) names the fault; add where it was found
            throw new SdpParseException("line " + lineNumber[0] + ": " + e.getMessage());
        }
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!l.isEmpty()) {
                lines.add(l);
            }
        }
        return lines;
    }

    /** Walks the lines once; holds the cursor for one parse. */
    private static final class Reader {
        private final List<String> lines;
        private final int[] lineNumber;
        private int next;

        Reader(List<String> lines, int[] lineNumber) {
            this.lines = lines;
            this.lineNumber = lineNumber;
        }

        SessionDescription session() {
            String version = expect('v');
            if (!version.equals("0")) {
                throw fault("unsupported SDP version '" + version + "'");
            }
            Origin origin = origin(expect('o'));
            String sessionName = expect('s');
            Optional<Connection> connection = Optional.empty();
            List<SdpField> fields = new ArrayList<>();
            List<Attribute> attributes = new ArrayList<>();
            while (next < lines.size() && type(peek()) != 'm') {
                String line = take();
                char type = type(line);
                String value = line.substring(2);
                switch (type) {
                    case 'c' -> {
                        if (connection.isPresent()) {
                            throw fault("second session-level c= line");
                        }
                        connection = Optional.of(connection(value));
                    }
                    case 'a' -> attributes.add(attribute(value));
                    case 'i', 'u', 'e', 'p', 'b', 't', 'r', 'z', 'k' -> fields.add(new SdpField(type, value));
                    default -> throw fault("unexpected '" + type + "=' line at session level");
                }
            }
            List<MediaDescription> media = new ArrayList<>();
            while (next < lines.size()) {
                media.add(media());
            }
            return new SessionDescription(origin, sessionName, connection, fields, attributes, media);
        }

        private MediaDescription media() {
            String[] m = take().substring(2).trim().split(" +");
            if (m.length < 3) {
                throw fault("m= line needs media, port and protocol");
            }
            String[] port = m[1].split("/", -1);
            if (port.length > 2) {
                throw fault("bad m= port '" + m[1] + "'");
            }
            int number = Integer.parseInt(port[0]);
            int count = port.length == 2 ? Integer.parseInt(port[1]) : 1;
            List<String> formats = List.of(m).subList(3, m.length);
            Optional<Connection> connection = Optional.empty();
            List<SdpField> fields = new ArrayList<>();
            List<Attribute> attributes = new ArrayList<>();
            while (next < lines.size() && type(peek()) != 'm') {
                String line = take();
                char type = type(line);
                String value = line.substring(2);
                switch (type) {
                    case 'c' -> {
                        if (connection.isPresent()) {
                            // RFC 4566 allows several for multicast layers; a unicast PBX does not use them
                            throw fault("second c= line in one media section");
                        }
                        connection = Optional.of(connection(value));
                    }
                    case 'a' -> attributes.add(attribute(value));
                    case 'i', 'b', 'k' -> fields.add(new SdpField(type, value));
                    default -> throw fault("unexpected '" + type + "=' line in a media section");
                }
            }
            MediaDescription media =
                    new MediaDescription(m[0], number, count, m[2], formats, connection, fields, attributes);
            validateTypedAttributes(media);
            return media;
        }

        private static void validateTypedAttributes(MediaDescription media) {
            for (Attribute a : media.attributes()) {
                if (a.name().equals("rtpmap")) {
                    RtpMap.parse(a.value().orElseThrow(() -> new SdpParseException("rtpmap without a value")));
                }
            }
            media.ptimeMs();
            media.rtcp();
        }

        private Origin origin(String value) {
            String[] o = value.trim().split(" +");
            if (o.length != 6) {
                throw fault("o= needs 6 fields, has " + o.length);
            }
            return new Origin(o[0], o[1], o[2], o[3], o[4], o[5]);
        }

        private Connection connection(String value) {
            String[] c = value.trim().split(" +");
            if (c.length != 3) {
                throw fault("c= needs 3 fields, has " + c.length);
            }
            return new Connection(c[0], c[1], c[2]);
        }

        private Attribute attribute(String value) {
            int colon = value.indexOf(':');
            if (colon < 0) {
                return Attribute.flag(value);
            }
            return Attribute.of(value.substring(0, colon), value.substring(colon + 1));
        }

        private String expect(char type) {
            if (next >= lines.size()) {
                throw fault("missing '" + type + "=' line");
            }
            String line = take();
            if (type(line) != type) {
                throw fault("expected '" + type + "=' but found '" + type(line) + "='");
            }
            return line.substring(2);
        }

        private String peek() {
            return lines.get(next);
        }

        private String take() {
            lineNumber[0] = next + 1;
            return lines.get(next++);
        }

        private char type(String line) {
            if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
                throw fault("not a '<letter>=<value>' line");
            }
            return line.charAt(0);
        }

        private SdpParseException fault(String reason) {
            return new SdpParseException("line " + lineNumber[0] + ": " + reason);
        }
    }
}
