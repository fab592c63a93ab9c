package org.switchboard.media.srtp;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.switchboard.media.sdp.Attribute;
import org.switchboard.media.sdp.CryptoAttribute;
import org.switchboard.media.sdp.MediaDescription;
import org.switchboard.media.sdp.SdpParseException;

/**
 * SDES offer/answer (RFC 4568 §5, §7): which offered {@code a=crypto} line to accept, and the lines this side
 * sends. Each side sends under its own master key: the peer's key (from its line) unprotects what arrives,
 * this side's key (in its line) protects what leaves.
 *
 * <p>Accepted lines: a suite of {@link SrtpSuite}, exactly one key of the suite's length, no session
 * parameters (KDR, UNENCRYPTED_*, FEC_ORDER and WSH are not implemented, and RFC 4568 §6.3 forbids accepting
 * a line with a parameter one does not honour). Malformed lines are skipped, not fatal: another may do.
 */
public final class Sdes {
    private Sdes() {}

    /**
     * A usable crypto line and what it keys.
     *
     * @param line the line as the peer sent it
     * @param suite its suite
     * @param peerKey the peer's master key: for the context that unprotects what the peer sends
     */
    public record Choice(CryptoAttribute line, SrtpSuite suite, SrtpMasterKey peerKey) {}

    /** The first usable crypto line of an offered stream, in the offerer's order of preference. */
    public static Optional<Choice> chooseFromOffer(MediaDescription offered) {
        for (Attribute a : offered.attributes()) {
            Optional<Choice> choice = usable(a);
            if (choice.isPresent()) {
                return choice;
            }
        }
        return Optional.empty();
    }

    /**
     * The crypto line of an answer to this side's {@code offered} lines: usable, with the tag and suite of one
     * of them (RFC 4568 §5.1.3); empty when the answer has none.
     */
    public static Optional<Choice> fromAnswer(MediaDescription answer, List<CryptoAttribute> offered) {
        for (Attribute a : answer.attributes()) {
            Optional<Choice> choice = usable(a).filter(c -> offered.stream()
                    .anyMatch(o -> o.tag() == c.line().tag() && o.suite().equals(c.line().suite())));
            if (choice.isPresent()) {
                return choice;
            }
        }
        return Optional.empty();
    }

    /** The line offering {@code localKey} for {@code suite} under {@code tag}. */
    public static CryptoAttribute offer(long tag, SrtpSuite suite, SrtpMasterKey localKey) {
        return CryptoAttribute.of(tag, suite.sdesName(), keyParameter(localKey));
    }

    /** The answer line accepting {@code choice}: its tag and suite, this side's {@code localKey}. */
    public static CryptoAttribute answer(Choice choice, SrtpMasterKey localKey) {
        return offer(choice.line().tag(), choice.suite(), localKey);
    }

    /** The master key an {@code inline:} parameter carries. */
    public static SrtpMasterKey masterKey(CryptoAttribute.KeyParameter key) {
        long lifetime = Math.min(key.lifetime().orElse(SrtpMasterKey.MAX_LIFETIME), SrtpMasterKey.MAX_LIFETIME);
        return SrtpMasterKey.of(key.keyAndSalt(), lifetime, key.mkiBytes());
    }

    /** The {@code inline:} parameter carrying {@code key}; the lifetime is written only when not the default. */
    static CryptoAttribute.KeyParameter keyParameter(SrtpMasterKey key) {
        OptionalLong lifetime = key.lifetime() == SrtpMasterKey.MAX_LIFETIME
                ? OptionalLong.empty() : OptionalLong.of(key.lifetime());
        byte[] mki = key.mki();
        long value = 0;
        for (int i = 0; i < mki.length; i++) {
            if (i < mki.length - Long.BYTES && mki[i] != 0) {
                throw new IllegalArgumentException("an SDES MKI value is written as a number: at most 8 significant bytes");
            }
            value = value << 8 | (mki[i] & 0xff);
        }
        return new CryptoAttribute.KeyParameter(key.keyAndSalt(), lifetime,
                mki.length == 0 ? OptionalLong.empty() : OptionalLong.of(value), mki.length);
    }

    private static Optional<Choice> usable(Attribute a) {
        if (!a.name().equals(CryptoAttribute.NAME) || a.value().isEmpty()) {
            return Optional.empty();
        }
        CryptoAttribute line;
        try {
            line = CryptoAttribute.parse(a.value().get());
        } catch (SdpParseException e) {
            return Optional.empty();
        }
        Optional<SrtpSuite> suite = SrtpSuite.fromSdesName(line.suite());
        if (suite.isEmpty() || line.keys().size() != 1 || !line.sessionParameters().isEmpty()
                || line.keys().get(0).keyAndSalt().length != SrtpSuite.KEY_LENGTH + SrtpSuite.SALT_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(new Choice(line, suite.get(), masterKey(line.keys().get(0))));
    }
}
