package org.switchboard.pbx.provisioning;

import java.util.Optional;

/**
 * Combines the hints in a REGISTER into one {@link PhoneIdentity}; stateless, any thread.
 *
 * <p>The MAC is taken from the most deliberate source first: an {@code X-MAC-Address} header
 * (the phone states it on purpose), then the {@code +sip.instance} URN (structured), then a
 * token in the User-Agent (free text, least reliable). Maker, model and firmware come from the
 * User-Agent only.
 */
public final class PhoneIdentification {

    private PhoneIdentification() {}

    /**
     * @param userAgent the User-Agent header value, if the request had one
     * @param macAddressHeader the X-MAC-Address header value, if present
     * @param sipInstance the Contact's {@code +sip.instance} parameter value, if present
     */
    public static PhoneIdentity identify(
            Optional<String> userAgent, Optional<String> macAddressHeader, Optional<String> sipInstance) {
        PhoneIdentity fromUserAgent = userAgent.map(UserAgentIdentity::parse).orElse(PhoneIdentity.UNKNOWN);
        Optional<MacAddress> stated = macAddressHeader.flatMap(MacAddress::tryParse)
                .or(() -> sipInstance.flatMap(InstanceIdMac::parse));
        return fromUserAgent.withMacPreferring(stated);
    }
}
