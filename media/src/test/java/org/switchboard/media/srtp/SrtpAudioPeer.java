package org.switchboard.media.srtp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.switchboard.media.codec.MuLaw;
import org.switchboard.media.dsp.ToneGenerator;

/**
 * The test's own end of an SRTP call: an RTP socket on an even port with RTCP on the next (RFC 3550 §11),
 * sending a PCMU tone as SRTP every 20 ms and an SRTCP sender report every second, and unprotecting
 * whatever arrives. Counts what it could and could not unprotect and keeps the decoded audio.
 */
final class SrtpAudioPeer implements AutoCloseable {
    private static final int SAMPLES = 160;

    private final DatagramSocket rtp;
    private final DatagramSocket rtcp;
    final AtomicInteger rtpUnprotected = new AtomicInteger();
    final AtomicInteger rtpRejected = new AtomicInteger();
    final AtomicInteger rtcpUnprotected = new AtomicInteger();
    final AtomicInteger rtcpRejected = new AtomicInteger();
    /** Why packets were rejected: "rtp -1", "rtcp -2 (42 bytes)"..., for failure messages. */
    final Queue<String> rejections = new ConcurrentLinkedQueue<>();
    private final short[] received = new short[SAMPLES * 50 * 30];
    private int receivedSamples;

    SrtpAudioPeer() throws SocketException {
        DatagramSocket[] pair = evenPortPair();
        rtp = pair[0];
        rtcp = pair[1];
    }

    private static DatagramSocket[] evenPortPair() throws SocketException {
        InetAddress lo = InetAddress.getLoopbackAddress();
        while (true) {
            DatagramSocket r = new DatagramSocket(new InetSocketAddress(lo, 0));
            if (r.getLocalPort() % 2 == 0) {
                try {
                    return new DatagramSocket[] {r, new DatagramSocket(new InetSocketAddress(lo, r.getLocalPort() + 1))};
                } catch (SocketException taken) {
                    // try another pair
                }
            }
            r.close();
        }
    }

    int rtpPort() {
        return rtp.getLocalPort();
    }

    /**
     * Sends {@code seconds} of a {@code frequencyHz} tone to {@code to} (RTCP to its port + 1) protected by
     * {@code tx}, while unprotecting what arrives with {@code rx}.
     */
    void talk(SrtpContext tx, SrtpContext rx, InetSocketAddress to, double frequencyHz, int seconds)
            throws Exception {
        Thread rtpReader = Thread.ofVirtual().start(() -> receive(rtp, rx, false));
        Thread rtcpReader = Thread.ofVirtual().start(() -> receive(rtcp, rx, true));
        InetSocketAddress rtcpTo = new InetSocketAddress(to.getAddress(), to.getPort() + 1);
        ToneGenerator tone = new ToneGenerator(frequencyHz, 0.3, 8000);
        short[] pcm = new short[SAMPLES];
        byte[] packet = new byte[12 + SAMPLES + 64];
        int ssrc = 0x5eed1234;
        long start = System.nanoTime();
        for (int n = 0; n < seconds * 50; n++) {
            packet[0] = (byte) 0x80;
            packet[1] = (byte) (n == 0 ? 0x80 : 0); // PCMU, marker on the first
            put16(packet, 2, 65436 + n); // wraps 65535 -> 0 after 2 s: the peer must follow our ROC
            put32(packet, 4, n * SAMPLES);
            put32(packet, 8, ssrc);
            tone.fill(pcm, 0, SAMPLES);
            MuLaw.encode(pcm, 0, packet, 12, SAMPLES);
            int length = tx.protectRtp(packet, 0, 12 + SAMPLES);
            rtp.send(new DatagramPacket(packet, length, to));
            if (n % 50 == 25) {
                byte[] sr = senderReport(ssrc, n, tx.rtcpOverhead());
                rtcp.send(new DatagramPacket(sr, tx.protectRtcp(sr, 0, 28), rtcpTo));
            }
            long due = start + (n + 1) * 20_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        rtp.close();
        rtcp.close();
        rtpReader.join();
        rtcpReader.join();
    }

    /** The audio it decoded from the peer's SRTP, in arrival order. */
    synchronized short[] received() {
        return java.util.Arrays.copyOf(received, receivedSamples);
    }

    private void receive(DatagramSocket socket, SrtpContext rx, boolean isRtcp) {
        DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
        try {
            socket.setSoTimeout(200);
            while (!socket.isClosed()) {
                try {
                    socket.receive(p);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                byte[] data = p.getData();
                int length = isRtcp ? rx.unprotectRtcp(data, 0, p.getLength()) : rx.unprotectRtp(data, 0, p.getLength());
                if (length < 0) {
                    (isRtcp ? rtcpRejected : rtpRejected).incrementAndGet();
                    rejections.add((isRtcp ? "rtcp " : "rtp ") + length + " " + java.util.HexFormat.of().formatHex(data, 0, Math.min(p.getLength(), 24)));
                    continue;
                }
                if (isRtcp) {
                    rtcpUnprotected.incrementAndGet();
                    continue;
                }
                rtpUnprotected.incrementAndGet();
                int header = 12 + 4 * (data[0] & 0x0f);
                if ((data[1] & 0x7f) == 0) {
                    keep(data, header, length - header);
                }
            }
        } catch (IOException closed) {
            // the call ended
        }
    }

    private synchronized void keep(byte[] pcmu, int from, int length) {
        int n = Math.min(length, received.length - receivedSamples);
        MuLaw.decode(pcmu, from, received, receivedSamples, n);
        receivedSamples += n;
    }

    /** An RTCP sender report without report blocks (RFC 3550 §6.4.1), with room for the SRTCP trailer. */
    private static byte[] senderReport(int ssrc, int packets, int room) {
        byte[] sr = new byte[28 + room];
        sr[0] = (byte) 0x80;
        sr[1] = (byte) 200;
        put16(sr, 2, 6);
        put32(sr, 4, ssrc);
        put32(sr, 16, packets * SAMPLES);
        put32(sr, 20, packets);
        put32(sr, 24, packets * SAMPLES);
        return sr;
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    private static void put32(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    @Override
    public void close() {
        rtp.close();
        rtcp.close();
    }
}
