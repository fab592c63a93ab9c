package org.switchboard.sip.app;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.switchboard.sip.message.SipMethod;

/**
 * What the application understands, for the checks RFC 3261 §8.2 has a UAS make before it acts
 * on a request: the Request-URI schemes it serves (else 416, §8.2.2.1), the option tags a
 * Require header may name (else 420, §8.2.2.3), and, per method, the body types it reads (a body
 * of another type gets 415, §8.2.3; an Accept header that allows none of them gets 406). A method
 * without body types has its bodies left to the application. Immutable; any thread.
 */
public record UasPolicy(Set<String> uriSchemes, Set<String> optionTags, Map<SipMethod, Set<String>> bodyTypes) {

    /** sip, sips and tel URIs; no extension required of us; bodies left to the application. */
    public static final UasPolicy DEFAULTS = new UasPolicy(Set.of("sip", "sips", "tel"), Set.of(), Map.of());

    public UasPolicy {
        uriSchemes = lowerCase(uriSchemes.stream());
        optionTags = lowerCase(optionTags.stream());
        bodyTypes = bodyTypes.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> lowerCase(e.getValue().stream())));
    }

    /** This policy, with {@code tags} also accepted in Require. */
    public UasPolicy withOptionTags(String... tags) {
        return new UasPolicy(uriSchemes, lowerCase(Stream.concat(optionTags.stream(), Stream.of(tags))), bodyTypes);
    }

    /** This policy, with the bodies of {@code method} restricted to {@code types} (e.g. application/sdp). */
    public UasPolicy withBodyTypes(SipMethod method, String... types) {
        Map<SipMethod, Set<String>> all = new HashMap<>(bodyTypes);
        all.put(method, Set.of(types));
        return new UasPolicy(uriSchemes, optionTags, all);
    }

    private static Set<String> lowerCase(Stream<String> values) {
        return values.map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
