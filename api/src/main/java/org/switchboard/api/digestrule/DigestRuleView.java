package org.switchboard.api.digestrule;

import java.time.Instant;
import org.switchboard.store.digestrule.DigestRule;

/** One User-Agent rule as the API shows it. Immutable. */
public record DigestRuleView(int position, String userAgentPattern, String algorithms, String note, Instant updatedAt) {

    static DigestRuleView of(DigestRule r) {
        return new DigestRuleView(r.position(), r.userAgentPattern(), r.algorithms(), r.note(), r.updatedAt());
    }
}
