package org.switchboard.pbx.voicemail;

import org.switchboard.media.dsp.PcmAudio;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.media.dsp.WavFormatException;
import org.switchboard.store.db.ValidationException;

/**
 * Checks an uploaded greeting before it is kept: a WAV file the call side can play, that is 8 or
 * 16 kHz, mono, 16-bit PCM or G.711 ({@link WavFile#read}), and not empty. Stateless; any thread.
 */
final class GreetingAudio {
    static final String FIELD = "audio";

    private GreetingAudio() {}

    /** Throws {@link ValidationException} on {@value #FIELD} naming what is wrong with {@code wav}. */
    static void check(byte[] wav) {
        if (wav == null || wav.length == 0) {
            throw new ValidationException(FIELD, "is empty: send a WAV file as the request body");
        }
        PcmAudio audio;
        try {
            audio = WavFile.read(wav);
        } catch (WavFormatException e) {
            throw new ValidationException(FIELD, "is not a readable WAV file: " + e.getMessage());
        }
        if (audio.sampleRateHz() != 8000 && audio.sampleRateHz() != 16000) {
            throw new ValidationException(FIELD, "has a sample rate of " + audio.sampleRateHz() + " Hz; want 8000 or 16000 Hz");
        }
        if (audio.channels() != 1) {
            throw new ValidationException(FIELD, "has " + audio.channels() + " channels; want mono");
        }
        if (audio.samples().length == 0) {
            throw new ValidationException(FIELD, "holds no audio");
        }
    }
}
