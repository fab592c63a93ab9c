package org.switchboard.store.digestrule;

import java.util.List;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * A User-Agent rule to store, checked for the V061 column shapes ({@link ValidationException}
 * naming the field); that the pattern compiles is the pbx service's rule. Immutable.
 */
public record NewDigestRule(String userAgentPattern, String algorithms, String note) {
    /** The offers a rule may name, as stored. */
    public static final List<String> ALGORITHMS = List.of("md5", "sha-256", "md5,sha-256", "sha-256,md5");

    public NewDigestRule {
        userAgentPattern = Fields.required(userAgentPattern, "user_agent_pattern");
        Fields.check(userAgentPattern.length() <= 256, "user_agent_pattern", "must be at most 256 characters");
        Fields.check(algorithms != null && ALGORITHMS.contains(algorithms), "algorithms", "must be one of " + ALGORITHMS);
        note = note == null || note.isBlank() ? null : note.strip();
        Fields.check(note == null || note.length() <= 200, "note", "must be at most 200 characters");
    }
}
