package org.switchboard.media.dsp;

/** A WAV file that is not a RIFF/WAVE file of 16-bit linear PCM; the message names what is wrong. */
public final class WavFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A format fault described by {@code reason}. */
    public WavFormatException(String reason) {
        super(reason);
    }
}
