package org.switchboard.pbx.voicemail.mwi;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which registered phones get message-waiting NOTIFYs without subscribing: those whose User-Agent
 * (as they sent it with their REGISTER) contains one of the configured pieces, compared without
 * regard to case ({@code voicemail.mwi.unsolicited}). Immutable.
 */
record UnsolicitedPhones(List<String> userAgentPieces) {

    /** Nobody: every phone is expected to subscribe. */
    static final UnsolicitedPhones NONE = new UnsolicitedPhones(List.of());

    UnsolicitedPhones {
        userAgentPieces = userAgentPieces.stream().map(String::strip).filter(p -> !p.isEmpty())
                .map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    /** The comma-separated list of the config key; blank for none. */
    static UnsolicitedPhones parse(String commaSeparated) {
        return new UnsolicitedPhones(Arrays.asList(commaSeparated.split(",")));
    }

    boolean matches(String userAgent) {
        String ua = userAgent.toLowerCase(Locale.ROOT);
        return userAgentPieces.stream().anyMatch(ua::contains);
    }
}
