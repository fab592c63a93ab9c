package org.switchboard.sip.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A raw TCP peer on loopback that writes text messages and reads one framed answer. Test thread only. */
final class TcpPeer implements AutoCloseable {
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^(?:Content-Length|l)\\s*:\\s*(\\d+)");

    private final Socket socket;

    TcpPeer(InetSocketAddress to) throws IOException {
        socket = new Socket();
        socket.connect(to, 5000);
    }

    void send(String message) throws IOException {
        socket.getOutputStream().write(message.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** The next message if it arrives within {@code millis}; empty on timeout or when the connection closes first. */
    Optional<String> receiveWithin(int millis) throws IOException {
        socket.setSoTimeout(millis);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); b >= 0; b = in.read()) {
                read.write(b);
                String text = read.toString(StandardCharsets.ISO_8859_1);
                int end = text.indexOf("\r\n\r\n");
                if (end >= 0) {
                    Matcher m = CONTENT_LENGTH.matcher(text.substring(0, end));
                    int body = m.find() ? Integer.parseInt(m.group(1)) : 0;
                    if (text.length() >= end + 4 + body) {
                        return Optional.of(text);
                    }
                }
            }
            return Optional.empty();
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
