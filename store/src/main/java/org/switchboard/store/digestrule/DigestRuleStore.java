package org.switchboard.store.digestrule;

import java.time.Instant;
import java.util.List;
import org.switchboard.store.db.UnavailableException;

/**
 * The User-Agent rules for digest algorithms, written through: each method is one transaction,
 * committed when it returns. Thread-safe; never call from an event loop. Every method may throw
 * {@link UnavailableException} when the database cannot be reached.
 */
public interface DigestRuleStore {

    /** Every rule, in position order. */
    List<DigestRule> list();

    /** Replaces the whole list in one transaction; the rules get positions 1, 2, ... in the order given. */
    List<DigestRule> replaceAll(List<NewDigestRule> rules, Instant now);

    long count();
}
