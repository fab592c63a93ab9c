package org.switchboard.media.srtp;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One direction of an SRTP session (RFC 3711 §3.2): the session keys derived from one master key and the
 * per-SSRC state of every stream sent, or received, under it. A call leg has two: the one keyed by the
 * local master key protects what the PBX sends, the one keyed by the peer's unprotects what it receives
 * (with SDES each side sends under its own key, RFC 4568 §6.1).
 *
 * <p>Packets are transformed in place: {@code protect} encrypts the payload and appends the MKI and tag (the
 * buffer needs {@link #rtpOverhead()} or {@link #rtcpOverhead()} bytes of room), {@code unprotect} checks
 * and removes them. The result is the new length, or a negative status ({@link #AUTH_FAILED},
 * {@link #REPLAYED}, {@link #MALFORMED}, {@link #KEY_EXPIRED}, {@link #WRONG_MKI},
 * {@link #TOO_MANY_STREAMS}): the packet path drops and counts, it never throws or allocates (a stream's
 * state is allocated once, for its first packet).
 *
 * <p>Not thread-safe: owned by the event loop of the leg it serves.
 */
public final class SrtpContext {
    /** The authentication tag did not match: forged, corrupted, or the wrong key. */
    public static final int AUTH_FAILED = -1;
    /** Already received (or, when protecting, already sent: the keystream must not be used twice) or too old. */
    public static final int REPLAYED = -2;
    /** Too short, not version 2, or a header longer than the packet. */
    public static final int MALFORMED = -3;
    /** The master key's lifetime is used up: a new key must be negotiated (RFC 3711 §9.2). */
    public static final int KEY_EXPIRED = -4;
    /** The packet's MKI names another master key. */
    public static final int WRONG_MKI = -5;
    /** More SSRCs than {@link #MAX_STREAMS} under one key. */
    public static final int TOO_MANY_STREAMS = -6;

    /** SSRCs one context tracks; a call leg has one or two (a new one after a re-INVITE or transfer). */
    public static final int MAX_STREAMS = 32;

    private static final int RTP_HEADER = 12;
    private static final int RTCP_HEADER = 8;
    private static final int SRTCP_INDEX_LENGTH = 4;
    private static final int E_FLAG = 0x80000000;

    private final SrtpSuite suite;
    private final SrtpMasterKey masterKey;
    private final AesCounterMode rtpCipher;
    private final HmacSha1 rtpAuth;
    private final byte[] rtpSalt;
    private final AesCounterMode rtcpCipher;
    private final HmacSha1 rtcpAuth;
    private final byte[] rtcpSalt;
    private final List<SrtpStream> streams = new ArrayList<>(2);
    private final byte[] iv = new byte[16];
    private final byte[] mac = new byte[HmacSha1.LENGTH];
    // packets of direct (off-heap) buffers are processed here; grown only for an unusually long packet
    private byte[] scratch = new byte[2048];
    private long rtpPackets;
    private long authFailures;
    private long replays;

    /** Derives the session keys of {@code suite} from {@code masterKey} (key derivation rate 0). */
    public SrtpContext(SrtpSuite suite, SrtpMasterKey masterKey) {
        this.suite = suite;
        this.masterKey = masterKey;
        KeyDerivation kdf = new KeyDerivation(masterKey.key(), masterKey.salt());
        rtpCipher = new AesCounterMode(kdf.derive(KeyDerivation.SRTP_ENCRYPTION, SrtpSuite.KEY_LENGTH));
        rtpAuth = new HmacSha1(kdf.derive(KeyDerivation.SRTP_AUTHENTICATION, SrtpSuite.AUTH_KEY_LENGTH));
        rtpSalt = kdf.derive(KeyDerivation.SRTP_SALT, SrtpSuite.SALT_LENGTH);
        rtcpCipher = new AesCounterMode(kdf.derive(KeyDerivation.SRTCP_ENCRYPTION, SrtpSuite.KEY_LENGTH));
        rtcpAuth = new HmacSha1(kdf.derive(KeyDerivation.SRTCP_AUTHENTICATION, SrtpSuite.AUTH_KEY_LENGTH));
        rtcpSalt = kdf.derive(KeyDerivation.SRTCP_SALT, SrtpSuite.SALT_LENGTH);
    }

    public SrtpSuite suite() {
        return suite;
    }

    /** Bytes {@code protectRtp} appends: MKI and tag. */
    public int rtpOverhead() {
        return masterKey.mkiLength() + suite.rtpTagLength();
    }

    /** Bytes {@code protectRtcp} appends: E flag and index, MKI and tag. */
    public int rtcpOverhead() {
        return SRTCP_INDEX_LENGTH + masterKey.mkiLength() + suite.rtcpTagLength();
    }

    /** Packets rejected because their tag did not match, since the context was made. */
    public long authFailures() {
        return authFailures;
    }

    /** Packets rejected as replayed or too old, since the context was made. */
    public long replays() {
        return replays;
    }

    /**
     * Turns the RTP packet in {@code packet[offset, offset + length)} into SRTP in place; the array needs
     * {@link #rtpOverhead()} bytes of room after it.
     *
     * @return the SRTP packet's length, or a negative status
     */
    public int protectRtp(byte[] packet, int offset, int length) {
        int header = rtpHeaderLength(packet, offset, length);
        if (header < 0) {
            return MALFORMED;
        }
        checkRoom(packet, offset, length + rtpOverhead());
        int ssrc = readInt(packet, offset + 8);
        int seq = readShort(packet, offset + 2);
        SrtpStream stream = stream(ssrc);
        if (stream == null) {
            return TOO_MANY_STREAMS;
        }
        long index = stream.estimateIndex(seq);
        if (index < 0 || !stream.rtpWindow.isFresh(index)) {
            replays++;
            return REPLAYED;
        }
        if (rtpPackets >= masterKey.lifetime()) {
            return KEY_EXPIRED;
        }
        rtpCipher.apply(iv(rtpSalt, ssrc, index), packet, offset + header, length - header);
        int end = offset + length;
        for (int i = 0; i < masterKey.mkiLength(); i++) {
            packet[end + i] = masterKey.mkiByte(i);
        }
        rtpAuth.start();
        rtpAuth.update(packet, offset, length);
        rtpAuth.updateInt((int) (index >>> 16));
        rtpAuth.finish(mac, 0);
        System.arraycopy(mac, 0, packet, end + masterKey.mkiLength(), suite.rtpTagLength());
        stream.accept(index);
        rtpPackets++;
        return length + rtpOverhead();
    }

    /**
     * Checks and decrypts the SRTP packet in {@code packet[offset, offset + length)} in place.
     *
     * @return the RTP packet's length (without MKI and tag), or a negative status
     */
    public int unprotectRtp(byte[] packet, int offset, int length) {
        int authenticated = length - rtpOverhead();
        int header = rtpHeaderLength(packet, offset, authenticated);
        if (header < 0) {
            return MALFORMED;
        }
        int ssrc = readInt(packet, offset + 8);
        int seq = readShort(packet, offset + 2);
        SrtpStream stream = find(ssrc);
        long index = stream == null ? SrtpStream.firstIndex(seq) : stream.estimateIndex(seq);
        if (index < 0 || stream != null && !stream.rtpWindow.isFresh(index)) {
            replays++;
            return REPLAYED;
        }
        if (!mkiMatches(packet, offset + authenticated)) {
            return WRONG_MKI;
        }
        rtpAuth.start();
        rtpAuth.update(packet, offset, authenticated);
        rtpAuth.updateInt((int) (index >>> 16));
        rtpAuth.finish(mac, 0);
        if (!tagMatches(packet, offset + length - suite.rtpTagLength(), suite.rtpTagLength())) {
            authFailures++;
            return AUTH_FAILED;
        }
        if (rtpPackets >= masterKey.lifetime()) {
            return KEY_EXPIRED;
        }
        if (stream == null) {
            stream = stream(ssrc);
            if (stream == null) {
                return TOO_MANY_STREAMS;
            }
        }
        rtpCipher.apply(iv(rtpSalt, ssrc, index), packet, offset + header, authenticated - header);
        stream.accept(index);
        rtpPackets++;
        return authenticated;
    }

    /**
     * Turns the RTCP compound packet in {@code packet[offset, offset + length)} into SRTCP in place (encrypted,
     * E flag set); the array needs {@link #rtcpOverhead()} bytes of room after it.
     *
     * @return the SRTCP packet's length, or a negative status
     */
    public int protectRtcp(byte[] packet, int offset, int length) {
        if (!isRtcp(packet, offset, length)) {
            return MALFORMED;
        }
        checkRoom(packet, offset, length + rtcpOverhead());
        int ssrc = readInt(packet, offset + 4);
        SrtpStream stream = stream(ssrc);
        if (stream == null) {
            return TOO_MANY_STREAMS;
        }
        long index = stream.nextSrtcpIndex;
        if (index > SrtpStream.MAX_SRTCP_INDEX || index >= masterKey.lifetime()) {
            return KEY_EXPIRED;
        }
        rtcpCipher.apply(iv(rtcpSalt, ssrc, index), packet, offset + RTCP_HEADER, length - RTCP_HEADER);
        int end = offset + length;
        writeInt(packet, end, E_FLAG | (int) index);
        for (int i = 0; i < masterKey.mkiLength(); i++) {
            packet[end + SRTCP_INDEX_LENGTH + i] = masterKey.mkiByte(i);
        }
        rtcpAuth.start();
        rtcpAuth.update(packet, offset, length + SRTCP_INDEX_LENGTH);
        rtcpAuth.finish(mac, 0);
        System.arraycopy(mac, 0, packet, end + SRTCP_INDEX_LENGTH + masterKey.mkiLength(), suite.rtcpTagLength());
        stream.nextSrtcpIndex = index + 1;
        return length + rtcpOverhead();
    }

    /**
     * Checks and, when its E flag is set, decrypts the SRTCP packet in {@code packet[offset, offset + length)}
     * in place.
     *
     * @return the RTCP packet's length (without index, MKI and tag), or a negative status
     */
    public int unprotectRtcp(byte[] packet, int offset, int length) {
        int authenticated = length - masterKey.mkiLength() - suite.rtcpTagLength();
        int rtcpLength = authenticated - SRTCP_INDEX_LENGTH;
        if (!isRtcp(packet, offset, rtcpLength)) {
            return MALFORMED;
        }
        if (!mkiMatches(packet, offset + authenticated)) {
            return WRONG_MKI;
        }
        rtcpAuth.start();
        rtcpAuth.update(packet, offset, authenticated);
        rtcpAuth.finish(mac, 0);
        if (!tagMatches(packet, offset + length - suite.rtcpTagLength(), suite.rtcpTagLength())) {
            authFailures++;
            return AUTH_FAILED;
        }
        int trailer = readInt(packet, offset + rtcpLength);
        long index = trailer & SrtpStream.MAX_SRTCP_INDEX;
        int ssrc = readInt(packet, offset + 4);
        SrtpStream stream = find(ssrc);
        if (stream != null && !stream.rtcpWindow.isFresh(index)) {
            replays++;
            return REPLAYED;
        }
        if (stream == null) {
            stream = stream(ssrc);
            if (stream == null) {
                return TOO_MANY_STREAMS;
            }
        }
        if ((trailer & E_FLAG) != 0) {
            rtcpCipher.apply(iv(rtcpSalt, ssrc, index), packet, offset + RTCP_HEADER, rtcpLength - RTCP_HEADER);
        }
        stream.rtcpWindow.accept(index);
        return rtcpLength;
    }

    /**
     * {@link #protectRtp(byte[], int, int)} on the readable bytes of {@code packet}, which grows by the overhead.
     * Works on heap and direct buffers (a direct one through a reused copy).
     */
    public int protectRtp(ByteBuf packet) {
        return onBuffer(packet, rtpOverhead(), Op.PROTECT_RTP);
    }

    /** {@link #unprotectRtp(byte[], int, int)} on the readable bytes of {@code packet}, which shrinks to the RTP packet. */
    public int unprotectRtp(ByteBuf packet) {
        return onBuffer(packet, 0, Op.UNPROTECT_RTP);
    }

    /** {@link #protectRtcp(byte[], int, int)} on the readable bytes of {@code packet}. */
    public int protectRtcp(ByteBuf packet) {
        return onBuffer(packet, rtcpOverhead(), Op.PROTECT_RTCP);
    }

    /** {@link #unprotectRtcp(byte[], int, int)} on the readable bytes of {@code packet}. */
    public int unprotectRtcp(ByteBuf packet) {
        return onBuffer(packet, 0, Op.UNPROTECT_RTCP);
    }

    private enum Op { PROTECT_RTP, UNPROTECT_RTP, PROTECT_RTCP, UNPROTECT_RTCP }

    private int onBuffer(ByteBuf packet, int growth, Op op) {
        int start = packet.readerIndex();
        int length = packet.readableBytes();
        packet.ensureWritable(growth);
        int result;
        if (packet.hasArray()) {
            result = apply(op, packet.array(), packet.arrayOffset() + start, length);
        } else {
            if (scratch.length < length + growth) {
                scratch = new byte[length + growth];
            }
            // through the buffer's internal NIO view with absolute bulk copies: ByteBuf.getBytes on a direct
            // buffer without Unsafe (the default on JDK 24+) duplicates a ByteBuffer per call
            boolean single = packet.nioBufferCount() == 1;
            ByteBuffer nio = single ? packet.internalNioBuffer(start, length + growth) : null;
            if (single) {
                nio.get(nio.position(), scratch, 0, length);
            } else {
                packet.getBytes(start, scratch, 0, length);
            }
            result = apply(op, scratch, 0, length);
            if (result > 0 && single) {
                nio.put(nio.position(), scratch, 0, result);
            } else if (result > 0) {
                packet.setBytes(start, scratch, 0, result);
            }
        }
        if (result >= 0) {
            packet.writerIndex(start + result);
        }
        return result;
    }

    private int apply(Op op, byte[] packet, int offset, int length) {
        return switch (op) {
            case PROTECT_RTP -> protectRtp(packet, offset, length);
            case UNPROTECT_RTP -> unprotectRtp(packet, offset, length);
            case PROTECT_RTCP -> protectRtcp(packet, offset, length);
            case UNPROTECT_RTCP -> unprotectRtcp(packet, offset, length);
        };
    }

    /** RFC 3711 §4.1.1: IV = (salt * 2^16) XOR (SSRC * 2^64) XOR (index * 2^16). */
    private byte[] iv(byte[] salt, int ssrc, long index) {
        System.arraycopy(salt, 0, iv, 0, SrtpSuite.SALT_LENGTH);
        iv[4] ^= (byte) (ssrc >>> 24);
        iv[5] ^= (byte) (ssrc >>> 16);
        iv[6] ^= (byte) (ssrc >>> 8);
        iv[7] ^= (byte) ssrc;
        for (int i = 0; i < 6; i++) {
            iv[8 + i] ^= (byte) (index >>> (40 - 8 * i));
        }
        iv[14] = 0;
        iv[15] = 0;
        return iv;
    }

    private boolean mkiMatches(byte[] packet, int at) {
        for (int i = 0; i < masterKey.mkiLength(); i++) {
            if (packet[at + i] != masterKey.mkiByte(i)) {
                return false;
            }
        }
        return true;
    }

    /** Compares the computed MAC's first {@code length} bytes with the packet's tag in constant time. */
    private boolean tagMatches(byte[] packet, int at, int length) {
        int diff = 0;
        for (int i = 0; i < length; i++) {
            diff |= packet[at + i] ^ mac[i];
        }
        return diff == 0;
    }

    private SrtpStream find(int ssrc) {
        for (int i = 0; i < streams.size(); i++) {
            SrtpStream s = streams.get(i);
            if (s.ssrc == ssrc) {
                return s;
            }
        }
        return null;
    }

    /** The stream of {@code ssrc}, added when new; null when the table is full. */
    private SrtpStream stream(int ssrc) {
        SrtpStream s = find(ssrc);
        if (s == null && streams.size() < MAX_STREAMS) {
            s = new SrtpStream(ssrc);
            streams.add(s);
        }
        return s;
    }

    /** The RTP header length with CSRCs and extension, or -1 when the packet cannot hold it. */
    private static int rtpHeaderLength(byte[] p, int offset, int length) {
        if (length < RTP_HEADER || (p[offset] & 0xc0) != 0x80) {
            return -1;
        }
        int header = RTP_HEADER + 4 * (p[offset] & 0x0f);
        if ((p[offset] & 0x10) != 0) {
            if (header + 4 > length) {
                return -1;
            }
            header += 4 + 4 * readShort(p, offset + header + 2);
        }
        return header <= length ? header : -1;
    }

    private static boolean isRtcp(byte[] p, int offset, int length) {
        return length >= RTCP_HEADER && (p[offset] & 0xc0) == 0x80;
    }

    private static void checkRoom(byte[] packet, int offset, int needed) {
        if (packet.length - offset < needed) {
            throw new IllegalArgumentException("no room for the SRTP trailer: need " + needed + " bytes from offset "
                    + offset + " in an array of " + packet.length);
        }
    }

    private static int readShort(byte[] p, int at) {
        return (p[at] & 0xff) << 8 | p[at + 1] & 0xff;
    }

    private static int readInt(byte[] p, int at) {
        return (p[at] & 0xff) << 24 | (p[at + 1] & 0xff) << 16 | (p[at + 2] & 0xff) << 8 | p[at + 3] & 0xff;
    }

    private static void writeInt(byte[] p, int at, int v) {
        p[at] = (byte) (v >>> 24);
        p[at + 1] = (byte) (v >>> 16);
        p[at + 2] = (byte) (v >>> 8);
        p[at + 3] = (byte) v;
    }
}
