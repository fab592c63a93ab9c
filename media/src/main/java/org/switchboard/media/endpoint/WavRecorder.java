package org.switchboard.media.endpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records to a WAV file (8 kHz, 16-bit, mono, or stereo with interleaved frames) without blocking the event loop: {@link #write} copies the samples
 * into a {@link PcmRing} of {@link #BUFFER} (4 s); a virtual thread drains it to the file every 100 ms. {@link
 * #finish} writes the rest, fills in the header's sizes and forces the file to disk before completing, so a caller
 * that stores a database row after completion never has a row without its audio. The file is written under a
 * temporary name beside the target and moved into place at the end, so a crash mid-recording leaves no file at
 * the target path either.
 *
 * <p>{@link #write} and {@link #finish} run on the endpoint's event loop (the ring's producer); the writer thread is
 * the ring's consumer. Bound: 4 s of audio in memory; when the disk falls further behind, samples are dropped and
 * counted in {@link #droppedSamples()}.
 */
public final class WavRecorder implements RecordingSink {
    /** Samples the ring holds: 4 s. */
    static final int BUFFER = 4 * AudioClip.SAMPLE_RATE;
    private static final Logger log = LoggerFactory.getLogger(WavRecorder.class);
    private static final int HEADER = 44;
    private static final Duration DRAIN_INTERVAL = Duration.ofMillis(100);

    private final Path target;
    private final Path partial;
    private final int channels;
    private final PcmRing ring;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Thread writer;
    private volatile boolean finishing;

    /** Starts a mono recording to {@code file} (replaced if it exists once the recording finishes). */
    public WavRecorder(Path file) {
        this(file, 1);
    }

    /**
     * Starts a recording of {@code channels} channels to {@code file}; {@link #write} then takes interleaved frames
     * (left, right, left...) and the ring holds 4 s of them.
     */
    public WavRecorder(Path file, int channels) {
        this.target = file;
        this.channels = channels;
        this.ring = new PcmRing(BUFFER * channels);
        this.partial = file.resolveSibling(file.getFileName() + ".part");
        this.writer = Thread.ofVirtual().name("wav-recorder-" + file.getFileName()).start(this::writeAll);
    }

    @Override
    public void write(short[] pcm, int length) {
        ring.write(pcm, length);
    }

    @Override
    public CompletableFuture<Void> finish() {
        finishing = true;
        LockSupport.unpark(writer);
        return done;
    }

    @Override
    public long droppedSamples() {
        return ring.dropped();
    }

    private void writeAll() {
        short[] chunk = new short[AudioClip.SAMPLE_RATE];
        ByteBuffer bytes = ByteBuffer.allocate(2 * chunk.length).order(ByteOrder.LITTLE_ENDIAN);
        long dataBytes = 0;
        try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(header(0, channels), 0);
            out.position(HEADER);
            while (true) {
                boolean last = finishing;
                int n;
                while ((n = ring.read(chunk, chunk.length)) > 0) {
                    bytes.clear();
                    for (int i = 0; i < n; i++) {
                        bytes.putShort(chunk[i]);
                    }
                    bytes.flip();
                    while (bytes.hasRemaining()) {
                        out.write(bytes);
                    }
                    dataBytes += 2L * n;
                }
                if (last) {
                    break;
                }
                LockSupport.parkNanos(DRAIN_INTERVAL.toNanos());
            }
            out.write(header(dataBytes, channels), 0);
            out.force(true);
        } catch (IOException | RuntimeException e) {
            log.warn("recording failed file={} cause={}", target, e.toString());
            done.completeExceptionally(e);
            return;
        }
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            done.complete(null);
        } catch (IOException e) {
            log.warn("recording could not be moved into place file={} cause={}", target, e.toString());
            done.completeExceptionally(e);
        }
    }

    private static ByteBuffer header(long dataBytes, int channels) {
        int data = (int) Math.min(dataBytes, Integer.MAX_VALUE - 36);
        ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) channels)
                .putInt(AudioClip.SAMPLE_RATE).putInt(AudioClip.SAMPLE_RATE * 2 * channels)
                .putShort((short) (2 * channels)).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
        return h.flip();
    }
}
