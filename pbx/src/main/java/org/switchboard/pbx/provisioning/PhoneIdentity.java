package org.switchboard.pbx.provisioning;

import java.util.Optional;

/**
 * What a phone told us about itself in a REGISTER: maker, model, firmware and MAC address, each
 * absent when the phone did not say; immutable, any thread.
 *
 * @param model the canonical model name when {@link PhoneModels} knows it, else as the phone wrote it
 */
public record PhoneIdentity(
        Optional<Vendor> vendor, Optional<String> model, Optional<String> firmware, Optional<MacAddress> mac) {

    /** A phone that said nothing we recognise. */
    public static final PhoneIdentity UNKNOWN =
            new PhoneIdentity(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** This identity with its MAC replaced by {@code other} when that is present. */
    PhoneIdentity withMacPreferring(Optional<MacAddress> other) {
        return other.isPresent() ? new PhoneIdentity(vendor, model, firmware, other) : this;
    }
}
