package org.switchboard.media.dsp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.switchboard.media.codec.ALaw;
import org.switchboard.media.codec.MuLaw;

/**
 * Reads and writes RIFF/WAVE files holding 16-bit linear PCM (format 1, or WAVE_FORMAT_EXTENSIBLE with PCM).
 * Reading also accepts 8-bit G.711 WAV files (format 6 A-law, format 7 µ-law), decoded to 16-bit PCM.
 *
 * <p>Stateless: any thread may call it. It works on byte arrays; file I/O is the caller's (on a virtual thread).
 */
public final class WavFile {
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_ALAW = 6;
    private static final int FORMAT_MULAW = 7;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    private WavFile() {}

    /** The bytes of a WAV file holding {@code audio}. */
    public static byte[] write(PcmAudio audio) {
        short[] samples = audio.samples();
        int dataBytes = samples.length * 2;
        ByteBuffer out = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
        int blockAlign = audio.channels() * 2;
        out.put(ascii("fmt ")).putInt(16)
                .putShort((short) FORMAT_PCM)
                .putShort((short) audio.channels())
                .putInt(audio.sampleRateHz())
                .putInt(audio.sampleRateHz() * blockAlign)
                .putShort((short) blockAlign)
                .putShort((short) 16);
        out.put(ascii("data")).putInt(dataBytes);
        for (short s : samples) {
            out.putShort(s);
        }
        return out.array();
    }

    /** Parses a WAV file, skipping chunks other than {@code fmt } and {@code data}. */
    public static PcmAudio read(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (file.length < 12 || !tag(in, 0).equals("RIFF") || !tag(in, 8).equals("WAVE")) {
            throw new WavFormatException("not a RIFF/WAVE file");
        }
        int position = 12;
        int channels = 0;
        int sampleRate = 0;
        int format = 0;
        while (position + 8 <= file.length) {
            String id = tag(in, position);
            long size = Integer.toUnsignedLong(in.getInt(position + 4));
            int body = position + 8;
            if (size > file.length - body) {
                // writers that could not seek back leave the data size unset; take what is there
                if (!id.equals("data")) {
                    throw new WavFormatException("chunk '" + id + "' runs past the end of the file");
                }
                size = file.length - body;
            }
            switch (id) {
                case "fmt " -> {
                    if (size < 16) {
                        throw new WavFormatException("fmt chunk too short: " + size + " bytes");
                    }
                    format = Short.toUnsignedInt(in.getShort(body));
                    channels = Short.toUnsignedInt(in.getShort(body + 2));
                    sampleRate = in.getInt(body + 4);
                    int bits = Short.toUnsignedInt(in.getShort(body + 14));
                    boolean g711 = format == FORMAT_ALAW || format == FORMAT_MULAW;
                    if (format != FORMAT_PCM && format != FORMAT_EXTENSIBLE && !g711) {
                        throw new WavFormatException("unsupported audio format " + format + ", want PCM or G.711");
                    }
                    if (bits != (g711 ? 8 : 16)) {
                        throw new WavFormatException("unsupported sample size " + bits + " bits, want "
                                + (g711 ? "8 for G.711" : "16"));
                    }
                    if (channels <= 0 || sampleRate <= 0) {
                        throw new WavFormatException("bad fmt chunk: channels=" + channels + " rate=" + sampleRate);
                    }
                }
                case "data" -> {
                    if (channels == 0) {
                        throw new WavFormatException("data chunk before fmt chunk");
                    }
                    return new PcmAudio(sampleRate, channels, samples(file, in, body, size, channels, format));
                }
                default -> {
                    // other chunks (LIST, fact, ...) carry metadata we do not need
                }
            }
            // RIFF chunks are padded to an even size
            position = (int) Math.min(file.length, body + size + (size & 1));
        }
        throw new WavFormatException("no data chunk");
    }

    private static short[] samples(byte[] file, ByteBuffer in, int body, long size, int channels, int format) {
        boolean g711 = format == FORMAT_ALAW || format == FORMAT_MULAW;
        int bytesPerSample = g711 ? 1 : 2;
        int frames = (int) (size / ((long) bytesPerSample * channels));
        short[] samples = new short[frames * channels];
        if (format == FORMAT_ALAW) {
            ALaw.decode(file, body, samples, 0, samples.length);
        } else if (format == FORMAT_MULAW) {
            MuLaw.decode(file, body, samples, 0, samples.length);
        } else {
            for (int i = 0; i < samples.length; i++) {
                samples[i] = in.getShort(body + 2 * i);
            }
        }
        return samples;
    }

    private static String tag(ByteBuffer in, int at) {
        byte[] b = new byte[4];
        in.get(at, b);
        return new String(b, StandardCharsets.US_ASCII);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
