package org.switchboard.media.endpoint;

import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.switchboard.media.codec.ALaw;
import org.switchboard.media.codec.MuLaw;
import org.switchboard.media.rtp.Leg;
import org.switchboard.media.rtp.RelayTap;
import org.switchboard.media.rtp.RtpPacket;

/**
 * A bridged call recorded from the relay: the G.711 packets of both legs ({@link RelayTap}) decoded into a stereo
 * WAV, leg A (the caller) on the left channel and leg B (the callee) on the right. Other payloads (telephone-event,
 * comfort noise, other codecs) are not audio it can decode and are left out.
 *
 * <p>Each leg's samples wait in a small staging buffer until the other leg's samples for the same time arrived,
 * then go to a {@link WavRecorder} as interleaved frames; a leg that falls more than {@link #LAG} behind (a
 * silent or held phone) gets silence instead, so the two channels stay within that of each other. Packets are
 * placed in arrival order: a lost packet shortens its channel, which the next silence padding evens out.
 *
 * <p>{@link #copy} and {@link #finish} run on the relay session's event loop, which owns every field; the file is
 * written by the recorder's virtual thread.
 */
public final class StereoRecording implements RelayTap {
    /** How far one channel may run ahead of the other before the other gets silence: 200 ms. */
    static final int LAG = AudioClip.SAMPLE_RATE / 5;
    private static final int MAX_PACKET = 1500;
    private static final int STAGE = LAG + MAX_PACKET;

    private final WavRecorder recorder;
    private final short[][] staged = {new short[STAGE], new short[STAGE]};
    private final int[] count = new int[2];
    private final byte[] payload = new byte[MAX_PACKET];
    private final short[] frames = new short[2 * STAGE];
    private long framesWritten;
    private boolean finished;

    /** Records to {@code recorder}, which must take two channels. */
    public StereoRecording(WavRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void copy(Leg from, ByteBuf rtp) {
        int type = RtpPacket.payloadType(rtp);
        if (finished || (type != 0 && type != 8)) {
            return;
        }
        int offset = RtpPacket.payloadOffset(rtp);
        int padding = RtpPacket.hasPadding(rtp) ? rtp.getUnsignedByte(rtp.writerIndex() - 1) : 0;
        int length = Math.min(rtp.readableBytes() - offset - padding, MAX_PACKET);
        if (length <= 0) {
            return;
        }
        // after every packet neither channel holds more than LAG, so the next packet fits into STAGE
        int leg = from.ordinal();
        rtp.getBytes(rtp.readerIndex() + offset, payload, 0, length);
        if (type == 0) {
            MuLaw.decode(payload, 0, staged[leg], count[leg], length);
        } else {
            ALaw.decode(payload, 0, staged[leg], count[leg], length);
        }
        count[leg] += length;
        int both = Math.min(count[0], count[1]);
        int ahead = Math.max(count[0], count[1]);
        emit(ahead - both > LAG ? ahead - LAG : both);
    }

    /**
     * Writes what is staged and closes the file: completes with the recording's length once it is on disk, or
     * exceptionally when it could not be stored. Once only, on the event loop.
     */
    public CompletableFuture<Duration> finish() {
        finished = true;
        emit(Math.max(count[0], count[1]));
        long length = framesWritten;
        return recorder.finish().thenApply(v -> Duration.ofMillis(length * 1000 / AudioClip.SAMPLE_RATE));
    }

    /** Frames the writer could not take because the disk fell behind. */
    public long droppedFrames() {
        return recorder.droppedSamples() / 2;
    }

    /** Writes the first {@code n} staged frames, silence where a channel has fewer, and keeps the rest staged. */
    private void emit(int n) {
        if (n <= 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            frames[2 * i] = i < count[0] ? staged[0][i] : 0;
            frames[2 * i + 1] = i < count[1] ? staged[1][i] : 0;
        }
        recorder.write(frames, 2 * n);
        framesWritten += n;
        for (int leg = 0; leg < 2; leg++) {
            int left = Math.max(0, count[leg] - n);
            System.arraycopy(staged[leg], count[leg] - left, staged[leg], 0, left);
            count[leg] = left;
        }
    }
}
