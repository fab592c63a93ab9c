package org.switchboard.server.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.switchboard.media.codec.MuLaw;
import org.switchboard.media.dsp.ToneGenerator;

/**
 * The RTP port of a phone calling one of the PBX's own applications (voicemail): a UDP socket on
 * 127.0.0.1 whose port the phone's SDP names. It keeps the PCMU audio the PBX plays (the first
 * minute); a talking phone also answers the PBX's first packet by talking back to where it came from
 * (symmetric RTP): a steady tone in 20 ms PCMU packets, paced in real time like a phone, until
 * closed. Its virtual threads end on close.
 */
final class TalkingPhoneMedia implements AutoCloseable {
    private static final int SAMPLES = 160;
    private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private static final int KEPT_SAMPLES = 60 * 8000;

    private final DatagramSocket socket;
    private final ToneGenerator tone; // null: the phone stays silent
    private final ByteArrayOutputStream heard = new ByteArrayOutputStream();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final Thread receiver;
    private volatile Thread talker;

    private TalkingPhoneMedia(ToneGenerator tone) throws SocketException {
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.tone = tone;
        this.receiver = Thread.ofVirtual().name("phone-rtp-in").start(this::receive);
    }

    /** A phone that says {@code toneHz} at a third of full scale once the PBX is heard. */
    static TalkingPhoneMedia talking(double toneHz) throws SocketException {
        return new TalkingPhoneMedia(new ToneGenerator(toneHz, 0.3, 8000));
    }

    /** A phone that only listens. */
    static TalkingPhoneMedia listening() throws SocketException {
        return new TalkingPhoneMedia(null);
    }

    /** What the PBX played so far, decoded (its first minute). */
    short[] heard() {
        byte[] codes;
        synchronized (heard) {
            codes = heard.toByteArray();
        }
        short[] pcm = new short[codes.length];
        MuLaw.decode(codes, 0, pcm, 0, codes.length);
        return pcm;
    }

    int port() {
        return socket.getLocalPort();
    }

    /** RTP packets the PBX sent (prompts, the beep). */
    int received() {
        return received.get();
    }

    /** RTP packets of tone sent to the PBX. */
    int sent() {
        return sent.get();
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
            keep(buffer, packet.getLength());
            if (received.getAndIncrement() == 0 && tone != null) {
                SocketAddress pbx = packet.getSocketAddress();
                talker = Thread.ofVirtual().name("phone-rtp-out").start(() -> talkTo(pbx));
            }
        }
    }

    private void keep(byte[] packet, int length) {
        int header = 12 + 4 * (packet[0] & 0x0F);
        if ((packet[1] & 0x7F) != 0 || length <= header) {
            return; // not PCMU audio
        }
        synchronized (heard) {
            if (heard.size() < KEPT_SAMPLES) {
                heard.write(packet, header, length - header);
            }
        }
    }

    private void talkTo(SocketAddress pbx) {
        byte[] packet = new byte[12 + SAMPLES];
        short[] pcm = new short[SAMPLES];
        packet[0] = (byte) 0x80; // RTP version 2
        packet[1] = 0; // PCMU
        int ssrc = 0x5eed1234;
        for (int i = 0; i < 4; i++) {
            packet[8 + i] = (byte) (ssrc >>> (24 - 8 * i));
        }
        long next = System.nanoTime();
        for (int seq = 0; !socket.isClosed(); seq++) {
            int timestamp = seq * SAMPLES;
            packet[2] = (byte) (seq >> 8);
            packet[3] = (byte) seq;
            for (int i = 0; i < 4; i++) {
                packet[4 + i] = (byte) (timestamp >>> (24 - 8 * i));
            }
            tone.fill(pcm, 0, SAMPLES);
            MuLaw.encode(pcm, 0, packet, 12, SAMPLES);
            try {
                socket.send(new DatagramPacket(packet, packet.length, pbx));
                sent.incrementAndGet();
            } catch (IOException e) {
                return; // closed while sending
            }
            next += FRAME_NANOS; // a phone's media clock: one packet every 20 ms
            LockSupport.parkNanos(next - System.nanoTime());
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        receiver.join();
        Thread t = talker;
        if (t != null) {
            t.join();
        }
    }
}
