package org.switchboard.pbx.call;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A UDP socket on 127.0.0.1 standing in for a phone's RTP port: counts the RTP packets that reach
 * it by payload type, and can send packets of its own. Its receiving virtual thread ends on close.
 */
final class RtpSink implements AutoCloseable {
    private final DatagramSocket socket;
    private final AtomicInteger[] byPayloadType = new AtomicInteger[128];
    private final Thread receiver;

    RtpSink() throws SocketException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        for (int i = 0; i < byPayloadType.length; i++) {
            byPayloadType[i] = new AtomicInteger();
        }
        receiver = Thread.ofVirtual().name("rtp-sink").start(this::receive);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** RTP packets (version 2) received with this payload type. */
    int received(int payloadType) {
        return byPayloadType[payloadType].get();
    }

    /** Sends {@code count} 20 ms PCMA packets to {@code target}. */
    void sendPcma(InetSocketAddress target, int count) throws IOException {
        byte[] packet = new byte[172];
        packet[0] = (byte) 0x80;
        packet[1] = 8;
        for (int seq = 0; seq < count; seq++) {
            packet[2] = (byte) (seq >> 8);
            packet[3] = (byte) seq;
            socket.send(new DatagramPacket(packet, packet.length, target));
        }
    }

    private void receive() {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
                throw new UncheckedIOException(e);
            }
            if (packet.getLength() >= 12 && (buffer[0] & 0xC0) == 0x80) {
                byPayloadType[buffer[1] & 0x7F].incrementAndGet();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        receiver.join();
    }
}
