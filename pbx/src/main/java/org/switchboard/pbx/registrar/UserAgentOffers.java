package org.switchboard.pbx.registrar;

import java.util.List;
import java.util.Optional;
import org.switchboard.sip.auth.DigestAlgorithm;

/**
 * The digest algorithms the User-Agent rules give a phone, if one matches; answered from memory on
 * call executors, so it must not block. Thread-safe.
 */
@FunctionalInterface
public interface UserAgentOffers {

    /** The offer of the first rule matching {@code userAgent}; empty when none does. */
    Optional<List<DigestAlgorithm>> offerFor(String userAgent);
}
