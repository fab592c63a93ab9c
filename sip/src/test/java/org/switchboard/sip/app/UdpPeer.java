package org.switchboard.sip.app;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A raw UDP peer on loopback that sends text messages and reads what comes back. Test thread only. */
public final class UdpPeer implements AutoCloseable {
    private final DatagramSocket socket;

    public UdpPeer() throws IOException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        // Tests send bursts (200 requests) before reading: the default buffer (about 200 KiB of
        // kernel accounting, some 100 loopback datagrams) would drop answers when the stack is quick.
        socket.setReceiveBufferSize(4 << 20);
        socket.setSoTimeout(5000);
    }

    public int port() {
        return socket.getLocalPort();
    }

    public void send(String message, InetSocketAddress to) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
        socket.send(new DatagramPacket(bytes, bytes.length, to));
    }

    /** The next datagram, waiting up to the socket timeout. */
    public String receive() throws IOException {
        byte[] buffer = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        return new String(buffer, 0, packet.getLength(), StandardCharsets.ISO_8859_1);
    }

    /** The next datagram if one arrives within {@code millis}; for asserting that nothing more came. */
    public Optional<String> receiveWithin(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            return Optional.of(receive());
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } finally {
            socket.setSoTimeout(5000);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
