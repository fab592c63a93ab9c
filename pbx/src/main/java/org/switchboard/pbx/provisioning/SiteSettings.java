package org.switchboard.pbx.provisioning;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.switchboard.store.db.Fields;

/**
 * The settings every phone of this PBX shares: where to register, voicemail, time and codecs;
 * immutable, any thread.
 *
 * @param sipServer host name or IPv4 address the phones register with
 * @param codecs in order of preference, at least one, no repeats
 */
public record SiteSettings(
        String sipServer, int sipPort, SipTransport transport, String voicemailNumber,
        ZoneId timeZone, String ntpServer, List<Codec> codecs) {

    public SiteSettings {
        ConfigText.host(sipServer, "sip_server");
        Fields.check(sipPort >= 1 && sipPort <= 65535, "sip_port", "must be between 1 and 65535");
        Objects.requireNonNull(transport, "transport");
        ConfigText.dialable(voicemailNumber, "voicemail_number");
        Objects.requireNonNull(timeZone, "timeZone");
        ConfigText.host(ntpServer, "ntp_server");
        codecs = List.copyOf(codecs);
        Fields.check(!codecs.isEmpty(), "codecs", "must name at least one codec");
        Fields.check(codecs.stream().distinct().count() == codecs.size(), "codecs", "must not repeat a codec");
    }
}
