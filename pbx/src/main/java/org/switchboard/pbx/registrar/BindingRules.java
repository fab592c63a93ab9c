package org.switchboard.pbx.registrar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipParseException;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transport.Flow;

/**
 * The rules of RFC 3261 §10.3 steps 6 to 8 for one authenticated REGISTER: each contact's expiry
 * (contact parameter, else Expires header, else the default; 423 below the minimum, capped at the
 * maximum), {@code Contact: *}, and the Call-ID/CSeq ordering of step 7. Pure function of its
 * inputs; any thread.
 */
final class BindingRules {
    private static final String INSTANCE = "+sip.instance";

    private final RegistrarSettings settings;

    BindingRules(RegistrarSettings settings) {
        this.settings = settings;
    }

    /**
     * @param existing the extension's bindings now (expired ones not yet swept are ignored)
     * @param flow the flow the REGISTER came on: where the phone is reached
     */
    BindingUpdate evaluate(String extension, SipRequest request, Flow flow, List<Binding> existing, Instant now) {
        Map<String, Binding> bound = new LinkedHashMap<>();
        existing.stream().filter(b -> !b.isExpiredAt(now)).forEach(b -> bound.put(b.contactKey(), b));
        String callId = request.callId();
        long cseq = request.cseq().number();
        OptionalLong headerExpires;
        List<NameAddress> contacts;
        try {
            headerExpires = request.expires();
            contacts = request.contacts();
        } catch (SipParseException e) {
            return BindingUpdate.Rejected.of(400, e.getMessage());
        }
        if (request.isWildcardContact()) {
            return removeAll(request, headerExpires, bound.values(), callId, cseq);
        }
        List<Binding> added = new ArrayList<>();
        List<Binding> refreshed = new ArrayList<>();
        List<Binding> removed = new ArrayList<>();
        String userAgent = request.userAgent().orElse("");
        for (NameAddress contact : contacts) {
            if (!(contact.uri() instanceof SipUri uri)) {
                return BindingUpdate.Rejected.of(400, "Contact must be a sip or sips URI");
            }
            OptionalLong expires;
            try {
                expires = contactExpires(contact, headerExpires);
            } catch (SipParseException e) {
                return BindingUpdate.Rejected.of(400, "Bad expires parameter");
            }
            long seconds = expires.orElse(settings.defaultExpiresSeconds());
            String key = uri.toString();
            Binding old = bound.get(key);
            if (old != null && old.callId().equals(callId) && cseq <= old.cseq()) {
                // RFC 3261 §10.3 step 7: an older or repeated CSeq of the same Call-ID aborts the update.
                return BindingUpdate.Rejected.of(500, "Out of Order CSeq");
            }
            if (seconds == 0) {
                if (old != null) {
                    removed.add(old);
                    bound.remove(key);
                }
                continue;
            }
            if (seconds < settings.minExpiresSeconds()) {
                return new BindingUpdate.Rejected(423, "Interval Too Brief", OptionalLong.of(settings.minExpiresSeconds()));
            }
            Instant expiresAt = now.plusSeconds(Math.min(seconds, settings.maxExpiresSeconds()));
            Binding next = new Binding(extension, uri, key, contact.parameters().get(INSTANCE), flow, callId, cseq,
                    userAgent, expiresAt, old == null ? now : old.registeredAt(), now);
            (old == null ? added : refreshed).add(next);
            bound.put(key, next);
        }
        evictBeyondLimit(bound, added, refreshed, removed);
        return new BindingUpdate.Accepted(added, refreshed, removed);
    }

    private static BindingUpdate removeAll(SipRequest request, OptionalLong headerExpires,
            Iterable<Binding> bound, String callId, long cseq) {
        // RFC 3261 §10.3 step 6: "*" only with Expires: 0 and no other Contact.
        if (headerExpires.isEmpty() || headerExpires.getAsLong() != 0
                || request.headers().values(org.switchboard.sip.message.HeaderName.CONTACT).size() != 1) {
            return BindingUpdate.Rejected.of(400, "Wildcard Contact needs Expires: 0 and no other Contact");
        }
        List<Binding> removed = new ArrayList<>();
        for (Binding b : bound) {
            if (b.callId().equals(callId) && cseq <= b.cseq()) {
                return BindingUpdate.Rejected.of(500, "Out of Order CSeq");
            }
            removed.add(b);
        }
        return new BindingUpdate.Accepted(List.of(), List.of(), removed);
    }

    private static OptionalLong contactExpires(NameAddress contact, OptionalLong headerExpires) {
        Optional<String> param = contact.parameters().get("expires");
        if (param.isPresent()) {
            // RFC 3261 §10.2.1.1: the contact parameter wins over the Expires header.
            String digits = param.get();
            if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(Character::isDigit)) {
                throw new SipParseException("Bad expires parameter");
            }
            return OptionalLong.of(Long.parseLong(digits));
        }
        return headerExpires;
    }

    /** Keeps at most {@code maxContacts}: the bindings expiring soonest make room for the newest. */
    private void evictBeyondLimit(Map<String, Binding> bound, List<Binding> added, List<Binding> refreshed,
            List<Binding> removed) {
        int excess = bound.size() - settings.maxContacts();
        if (excess <= 0) {
            return;
        }
        List<Binding> victims = bound.values().stream()
                .sorted(Comparator.comparing(Binding::updatedAt).thenComparing(Binding::expiresAt))
                .limit(excess)
                .toList();
        for (Binding victim : victims) {
            bound.remove(victim.contactKey());
            // A contact of this request that is evicted at once was never really bound.
            if (!added.removeIf(b -> b.contactKey().equals(victim.contactKey()))) {
                refreshed.removeIf(b -> b.contactKey().equals(victim.contactKey()));
                removed.add(victim);
            }
        }
    }
}
