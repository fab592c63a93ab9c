package org.switchboard.media.rtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Optional;

/** A plain UDP socket on 127.0.0.1 playing a phone's RTP endpoint in relay and media endpoint tests. */
public final class UdpPhone implements AutoCloseable {
    private final DatagramSocket socket;

    /** Binds a free port on 127.0.0.1. */
    public UdpPhone() {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            // a guard against a hanging test, not a measurement: packets on loopback arrive at once
            socket.setSoTimeout(5_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bound address. */
    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Sends a 172-byte PCMU packet of zero payload. */
    public void sendRtp(InetSocketAddress to, int sequenceNumber, long ssrc) {
        ByteBuffer b = ByteBuffer.allocate(172);
        b.put((byte) 0x80).put((byte) 0).putShort((short) sequenceNumber).putInt(sequenceNumber * 160)
                .putInt((int) ssrc);
        send(to, b.array());
    }

    /** Sends {@code data} as one datagram. */
    public void send(InetSocketAddress to, byte[] data) {
        try {
            socket.send(new DatagramPacket(data, data.length, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next datagram, or empty if none arrives within the guard time. */
    public Optional<DatagramPacket> receive() {
        DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
        try {
            socket.receive(p);
            return Optional.of(p);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
