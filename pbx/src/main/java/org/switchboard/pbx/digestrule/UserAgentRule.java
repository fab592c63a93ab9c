package org.switchboard.pbx.digestrule;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.digestrule.NewDigestRule;

/**
 * One User-Agent rule, checked and compiled: a phone whose User-Agent contains a match of
 * {@code pattern} (case-insensitive) is challenged with {@code offer}, in that order. Immutable,
 * any thread.
 *
 * @param note why the rule exists; empty when none
 */
public record UserAgentRule(Pattern pattern, List<DigestAlgorithm> offer, Optional<String> note) {

    public UserAgentRule {
        offer = List.copyOf(offer);
    }

    /**
     * Checks a rule as typed or stored.
     *
     * @throws ValidationException naming {@code user_agent_pattern}, {@code algorithms} or {@code note}
     */
    public static UserAgentRule of(String userAgentPattern, String algorithms, String note) {
        NewDigestRule shape = new NewDigestRule(userAgentPattern, algorithms == null ? null
                : algorithms.strip().toLowerCase(Locale.ROOT).replace(" ", ""), note);
        Pattern pattern;
        try {
            pattern = Pattern.compile(shape.userAgentPattern(), Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new ValidationException("user_agent_pattern", "is not a regular expression: " + e.getDescription());
        }
        List<DigestAlgorithm> offer = Arrays.stream(shape.algorithms().split(","))
                .map(t -> DigestAlgorithm.fromToken(t).orElseThrow())
                .toList();
        return new UserAgentRule(pattern, offer, Optional.ofNullable(shape.note()));
    }

    /** Whether this rule applies to a phone sending {@code userAgent}. */
    public boolean matches(String userAgent) {
        return pattern.matcher(userAgent).find();
    }

    /** The stored shape: the offer as {@code md5,sha-256} and so on. */
    public NewDigestRule toStored() {
        return new NewDigestRule(pattern.pattern(),
                String.join(",", offer.stream().map(a -> a.token().toLowerCase(Locale.ROOT)).toList()), note.orElse(null));
    }
}
