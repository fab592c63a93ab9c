package org.switchboard.pbx.registrar;

import java.util.List;
import java.util.Optional;
import org.switchboard.pbx.extension.DigestChoice;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.extension.SipCredentials;
import org.switchboard.sip.auth.DigestAlgorithm;

/**
 * Chooses which digest algorithms a phone's first, unauthenticated request is challenged with
 * (docs/configuration.md, "Digest algorithm per phone"): the extension's own setting when it names
 * one; on {@code auto}, the first User-Agent rule that matches; otherwise the node's default. The
 * nonce carries the choice, so the phone's answer is checked against the challenge it got.
 * Thread-safe; reads caches only.
 */
public final class DigestOffers {
    private final ExtensionService extensions;
    private final UserAgentOffers rules;
    private final List<DigestAlgorithm> fallback;

    /** @param fallback what {@code auto} offers a phone no rule matches, in challenge order */
    public DigestOffers(ExtensionService extensions, UserAgentOffers rules, List<DigestAlgorithm> fallback) {
        this.extensions = extensions;
        this.rules = rules;
        this.fallback = List.copyOf(fallback);
    }

    /**
     * The offer for a request claiming {@code extension} (the To user of a REGISTER, the From user
     * of an INVITE) from a phone sending {@code userAgent}.
     */
    public List<DigestAlgorithm> offerFor(Optional<String> extension, Optional<String> userAgent) {
        DigestChoice choice = extension.flatMap(extensions::findCredentials)
                .map(SipCredentials::digestChoice)
                .orElse(DigestChoice.AUTO);
        return choice.fixedOffer()
                .or(() -> userAgent.flatMap(rules::offerFor))
                .orElse(fallback);
    }
}
