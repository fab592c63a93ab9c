package org.switchboard.pbx.registrar;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 * writer (coalesced per phone, flushed within its max delay and on shutdown).
 *
 * <p>A refresh that changes nothing (same MAC, IP, User-Agent and contact as the sighting last
 * handed over for that row) is written at most once per {@link #UNCHANGED_WRITE_INTERVAL}: phones
 * behind NAT refresh every minute or less, and a row write per refresh was the registrar's largest
 * database cost. So {@code last_registered} of an unchanged phone lags by up to that interval;
 * any change is written at once.
 *
 * <p>Thread-safe: called from many call executors; the last-written and MAC maps are {@link
 * ConcurrentHashMap}s (a race only parses or writes once more) and {@link BatchWriter#submit}
 * never blocks.
 */
final class PhoneTracker {
    /** How stale {@code last_registered} of a phone that changed nothing may be (docs/performance.md). */
    static final Duration UNCHANGED_WRITE_INTERVAL = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(PhoneTracker.class);
    private static final String X_MAC_ADDRESS = "X-MAC-Address";
    /** Rows (and hint sets) remembered at most; past it the memory is dropped, which only costs a write (a parse) per phone. */
    private static final int MAX_REMEMBERED = 100_000;

    private final BatchWriter<PhoneSighting> writer;
    private final ConcurrentHashMap<Object, PhoneSighting> lastWritten = new ConcurrentHashMap<>();
    /** The MAC found in each set of hints: a phone sends the same ones on every refresh, and the User-Agent parse is not free. */
    private final ConcurrentHashMap<Hints, Optional<String>> macs = new ConcurrentHashMap<>();

    /** What a REGISTER tells about the phone's MAC. */
    private record Hints(Optional<String> userAgent, Optional<String> macHeader, Optional<String> instanceId) {}

    PhoneTracker(BatchWriter<PhoneSighting> writer) {
        this.writer = writer;
    }

    /** @param authUser the digest user name the phone proved (the extension's or its device's own) */
    void registered(String extension, String authUser, SipRequest request, Flow flow, Binding binding, Instant now) {
        Hints hints = new Hints(request.userAgent(), request.headers().first(X_MAC_ADDRESS), binding.instanceId());
        Optional<String> mac = macs.get(hints);
        if (mac == null) {
            PhoneIdentity identity = PhoneIdentification.identify(hints.userAgent(), hints.macHeader(), hints.instanceId());
            mac = identity.mac().map(MacAddress::hex);
            if (macs.size() >= MAX_REMEMBERED) {
                macs.clear();
            }
            macs.put(hints, mac);
        }
        PhoneSighting sighting;
        try {
            sighting = new PhoneSighting(mac.orElse(null), extension,
                    request.userAgent().orElse(""), flow.remote().getAddress().getHostAddress(),
                    binding.contactKey(), now, authUser);
        } catch (ValidationException e) {
            // The binding stands; only the inventory row is skipped (e.g. an over-long contact).
            log.debug("phone sighting not recorded extension={} field={}", extension, e.field());
            return;
        }
        Object row = sighting.rowKey();
        PhoneSighting previous = lastWritten.get(row);
        if (previous != null && sameRow(previous, sighting)
                && now.isBefore(previous.seenAt().plus(UNCHANGED_WRITE_INTERVAL))) {
            return;
        }
        if (lastWritten.size() >= MAX_REMEMBERED) {
            lastWritten.clear();
        }
        lastWritten.put(row, sighting);
        writer.submit(sighting);
    }

    /** Whether the two sightings would leave the row the same apart from last_registered. */
    private static boolean sameRow(PhoneSighting a, PhoneSighting b) {
        return a.userAgent().equals(b.userAgent())
                && a.ipAddress().equals(b.ipAddress())
                && a.contactUri().equals(b.contactUri())
                && Objects.equals(a.macAddress(), b.macAddress())
                && a.authUser().equals(b.authUser());
    }
}
