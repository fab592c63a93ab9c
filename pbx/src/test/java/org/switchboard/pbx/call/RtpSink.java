package org.switchboard.pbx.call;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;
import org.switchboard.media.codec.MuLaw;

/**
 * A UDP socket on 127.0.0.1 standing in for a phone's RTP port: counts the RTP packets that reach
 * it by payload type, keeps the first ten seconds of PCMU audio it gets, and can send packets of its
 * own. Its receiving virtual thread ends on close.
 */
final class RtpSink implements AutoCloseable {
    private final DatagramSocket socket;
    private final AtomicInteger[] byPayloadType = new AtomicInteger[128];
    private final Thread receiver;
    private final ByteArrayOutputStream pcmu = new ByteArrayOutputStream();
    private int sent;

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

    /** The PCMU (payload type 0) audio received so far, decoded, in arrival order (at most ten seconds). */
    short[] pcmuAudio() {
        byte[] codes;
        synchronized (pcmu) {
            codes = pcmu.toByteArray();
        }
        short[] pcm = new short[codes.length];
        MuLaw.decode(codes, 0, pcm, 0, codes.length);
        return pcm;
    }

    /** Sends {@code count} 20 ms PCMA packets to {@code target}. */
    void sendPcma(InetSocketAddress target, int count) throws IOException {
        send(target, 8, count);
    }

    /** Sends {@code count} 20 ms PCMU packets of full-scale negative samples (code 0x00) to {@code target}. */
    void sendPcmu(InetSocketAddress target, int count) throws IOException {
        send(target, 0, count);
    }

    /** Sequence numbers and timestamps run on across sends, so a receiver never takes a later send for a repeat. */
    private void send(InetSocketAddress target, int payloadType, int count) throws IOException {
        byte[] packet = new byte[172];
        packet[0] = (byte) 0x80;
        packet[1] = (byte) payloadType;
        for (int i = 0; i < count; i++) {
            int seq = sent++;
            long timestamp = 160L * seq;
            packet[2] = (byte) (seq >> 8);
            packet[3] = (byte) seq;
            packet[4] = (byte) (timestamp >> 24);
            packet[5] = (byte) (timestamp >> 16);
            packet[6] = (byte) (timestamp >> 8);
            packet[7] = (byte) timestamp;
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
                keepPcmu(buffer, packet.getLength());
            }
        }
    }

    private void keepPcmu(byte[] packet, int length) {
        int headerLength = 12 + 4 * (packet[0] & 0x0F);
        if ((packet[1] & 0x7F) != 0 || length <= headerLength) {
            return;
        }
        synchronized (pcmu) {
            if (pcmu.size() < 80_000) {
                pcmu.write(packet, headerLength, length - headerLength);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        receiver.join();
    }
}
