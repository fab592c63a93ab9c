package org.switchboard.media.endpoint;

import org.switchboard.media.codec.ALaw;
import org.switchboard.media.codec.MuLaw;
import org.switchboard.media.sdp.Codec;

/** The two G.711 laws an endpoint speaks, chosen from the negotiated {@link Codec}. Stateless. */
enum G711 {
    PCMU {
        @Override
        void encode(short[] pcm, byte[] out, int length) {
            MuLaw.encode(pcm, 0, out, 0, length);
        }

        @Override
        void decode(byte[] codes, int from, short[] out, int length) {
            MuLaw.decode(codes, from, out, 0, length);
        }
    },
    PCMA {
        @Override
        void encode(short[] pcm, byte[] out, int length) {
            ALaw.encode(pcm, 0, out, 0, length);
        }

        @Override
        void decode(byte[] codes, int from, short[] out, int length) {
            ALaw.decode(codes, from, out, 0, length);
        }
    };

    abstract void encode(short[] pcm, byte[] out, int length);

    abstract void decode(byte[] codes, int from, short[] out, int length);

    /** The law of {@code codec}; throws for anything but PCMU and PCMA at 8000 Hz. */
    static G711 of(Codec codec) {
        if (codec.equals(Codec.PCMU)) {
            return PCMU;
        }
        if (codec.equals(Codec.PCMA)) {
            return PCMA;
        }
        throw new IllegalArgumentException("media endpoints speak PCMU or PCMA, not " + codec.encodingName());
    }
}
