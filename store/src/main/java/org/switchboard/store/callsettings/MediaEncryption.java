package org.switchboard.store.callsettings;

import java.util.Locale;
import java.util.Optional;

/**
 * What an extension's phones are held to for encrypted media (SDES-SRTP, RFC 4568), on the calls they make and
 * the calls they receive (docs/srtp.md, "Policy per extension").
 */
public enum MediaEncryption {
    /** Plain RTP only: an {@code RTP/SAVP} offer from the phone is refused, crypto lines it adds are ignored. */
    REFUSE,
    /**
     * The default: SRTP when the phone wants it. Its {@code RTP/SAVP} (or crypto-carrying {@code RTP/AVP}) offers
     * are answered encrypted, plain offers plainly, and the PBX offers it {@code RTP/AVP} with a crypto line
     * (best-effort SRTP), which a phone without SRTP ignores.
     */
    OFFER,
    /** SRTP only: the PBX offers {@code RTP/SAVP}, and an offer or answer without a usable crypto line fails with 488. */
    REQUIRE;

    /** The name in the API and the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The policy called {@code name} in the API and the database, if there is one. */
    public static Optional<MediaEncryption> fromWireName(String name) {
        for (MediaEncryption e : values()) {
            if (e.wireName().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
