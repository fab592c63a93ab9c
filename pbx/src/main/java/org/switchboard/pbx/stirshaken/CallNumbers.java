package org.switchboard.pbx.stirshaken;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipParseException;
import org.switchboard.sip.message.SipRequest;

/**
 * What an incoming INVITE says about its caller and callee, in the canonical form PASSporTs use:
 * the Identity header, the numbers the caller may be ({@code P-Asserted-Identity}, then {@code
 * From}: carriers put the verified number in either) and the numbers the callee may be ({@code
 * To}, then the Request-URI, which differs after a carrier retargeted the call), each set in that
 * order. Immutable; any thread.
 */
public record CallNumbers(Optional<String> identity, Set<String> callers, Set<String> callees) {

    public CallNumbers {
        // In the order given (P-Asserted-Identity first): the first caller is the call's caller. Set.copyOf
        // would iterate in an order that changes from run to run.
        callers = Collections.unmodifiableSet(new LinkedHashSet<>(callers));
        callees = Collections.unmodifiableSet(new LinkedHashSet<>(callees));
    }

    /** The numbers of {@code invite}; a header that does not parse contributes no number. */
    public static CallNumbers of(SipRequest invite) {
        Set<String> callers = new LinkedHashSet<>();
        for (String value : invite.headers().values(HeaderName.P_ASSERTED_IDENTITY)) {
            parse(value).flatMap(a -> TelephoneNumbers.of(a.uri())).ifPresent(callers::add);
        }
        invite.headers().first(HeaderName.FROM).flatMap(CallNumbers::parse)
                .flatMap(a -> TelephoneNumbers.of(a.uri())).ifPresent(callers::add);
        List<String> callees = new ArrayList<>(2);
        invite.headers().first(HeaderName.TO).flatMap(CallNumbers::parse)
                .flatMap(a -> TelephoneNumbers.of(a.uri())).ifPresent(callees::add);
        TelephoneNumbers.of(invite.requestUri()).ifPresent(callees::add);
        return new CallNumbers(invite.headers().first(IdentityHeader.NAME), callers, new LinkedHashSet<>(callees));
    }

    private static Optional<NameAddress> parse(String value) {
        try {
            return Optional.of(NameAddress.parse(value));
        } catch (SipParseException e) {
            return Optional.empty();
        }
    }
}
