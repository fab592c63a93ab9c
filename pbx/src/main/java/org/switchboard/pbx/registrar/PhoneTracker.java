package org.switchboard.pbx.registrar;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.provisioning.MacAddress;
import org.switchboard.pbx.provisioning.PhoneIdentification;
import org.switchboard.pbx.provisioning.PhoneIdentity;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.transport.Flow;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.provisioning.PhoneSighting;

/**
 * Records each successful REGISTER in {@code registered_phones}: identifies the phone from its
 * User-Agent, X-MAC-Address and {@code +sip.instance} and hands the sighting to a write-behind
 * writer (coalesced per phone, flushed within its max delay and on shutdown). Thread-safe: {@link
 * BatchWriter#submit} never blocks.
 */
final class PhoneTracker {
    private static final Logger log = LoggerFactory.getLogger(PhoneTracker.class);
    private static final String X_MAC_ADDRESS = "X-MAC-Address";

    private final BatchWriter<PhoneSighting> writer;

    PhoneTracker(BatchWriter<PhoneSighting> writer) {
        this.writer = writer;
    }

    void registered(String extension, SipRequest request, Flow flow, Binding binding, Instant now) {
        PhoneIdentity identity = PhoneIdentification.identify(
                request.userAgent(), request.headers().first(X_MAC_ADDRESS), binding.instanceId());
        try {
            writer.submit(new PhoneSighting(identity.mac().map(MacAddress::hex).orElse(null), extension,
                    request.userAgent().orElse(""), flow.remote().getAddress().getHostAddress(),
                    binding.contactKey(), now));
        } catch (ValidationException e) {
            // The binding stands; only the inventory row is skipped (e.g. an over-long contact).
            log.debug("phone sighting not recorded extension={} field={}", extension, e.field());
        }
    }
}
