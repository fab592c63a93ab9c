package org.switchboard.pbx.prompt;

import org.switchboard.media.dsp.PcmAudio;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.media.dsp.WavFormatException;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.store.db.ValidationException;

/**
 * An uploaded WAV file checked for what calls can play without surprises: mono, 8 or 16 kHz,
 * 16-bit PCM (or G.711), not empty; anything else is a {@link ValidationException} on {@code body}
 * naming the problem. Immutable.
 */
record PromptAudio(AudioClip clip, int sampleRateHz) {

    static PromptAudio decode(byte[] wav) {
        PcmAudio audio;
        try {
            audio = WavFile.read(wav);
        } catch (WavFormatException e) {
            throw new ValidationException("body", "is not a usable WAV file: " + e.getMessage());
        }
        if (audio.channels() != 1) {
            // Refused rather than mixed down: a stereo upload is usually the wrong export, and the
            // operator should hear what callers will hear.
            throw new ValidationException("body", "must be mono, not " + audio.channels() + " channels");
        }
        if (audio.sampleRateHz() != 8000 && audio.sampleRateHz() != 16000) {
            throw new ValidationException("body", "must be sampled at 8000 or 16000 Hz, not " + audio.sampleRateHz() + " Hz");
        }
        if (audio.samples().length == 0) {
            throw new ValidationException("body", "holds no audio");
        }
        return new PromptAudio(AudioClip.fromWav(wav), audio.sampleRateHz());
    }
}
