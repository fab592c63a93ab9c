package org.switchboard.media.srtp;

/**
 * What a crypto context keeps per SSRC (RFC 3711 §3.2.1): the rollover counter and highest sequence number
 * (together the highest packet index), the SRTP replay window, the next SRTCP index to send and the SRTCP
 * replay window.
 *
 * <p>Not thread-safe: owned by one {@link SrtpContext}.
 */
final class SrtpStream {
    private static final int SEQ_RANGE = 1 << 16;
    private static final int HALF = 1 << 15;
    /** SRTCP indexes are 31 bits (RFC 3711 §3.4). */
    static final long MAX_SRTCP_INDEX = 0x7fffffffL;

    final int ssrc;
    final ReplayWindow rtpWindow = new ReplayWindow();
    final ReplayWindow rtcpWindow = new ReplayWindow();
    long nextSrtcpIndex;
    private long roc;
    private int highestSeq;
    // false until its first RTP packet (a stream may start with RTCP)
    private boolean rtpStarted;

    SrtpStream(int ssrc) {
        this.ssrc = ssrc;
    }

    /**
     * The 48-bit packet index of sequence number {@code seq} (RFC 3711 §3.3.1 / Appendix A): the ROC guess that
     * puts it closest to the highest index so far. Negative for a packet from before the stream's first one
     * across a wrap (guess ROC - 1 with ROC 0). The first RTP packet starts the stream at ROC 0.
     */
    long estimateIndex(int seq) {
        return rtpStarted ? estimateIndex(roc, highestSeq, seq) : seq;
    }

    /** The index of {@code seq} in a stream not seen yet. */
    static long firstIndex(int seq) {
        return seq;
    }

    private static long estimateIndex(long roc, int highest, int seq) {
        long v;
        if (highest < HALF) {
            v = seq - highest > HALF ? roc - 1 : roc;
        } else {
            v = highest - HALF > seq ? roc + 1 : roc;
        }
        return v < 0 ? -1 : v * SEQ_RANGE + seq;
    }

    /** Records an authentic, fresh packet's index: advances ROC and the highest sequence number. */
    void accept(long index) {
        long v = index >>> 16;
        int seq = (int) (index & 0xffff);
        if (!rtpStarted || v > roc) {
            rtpStarted = true;
            roc = v;
            highestSeq = seq;
        } else if (v == roc && seq > highestSeq) {
            highestSeq = seq;
        }
        rtpWindow.accept(index);
    }
}
