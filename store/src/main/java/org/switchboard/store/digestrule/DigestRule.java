package org.switchboard.store.digestrule;

import java.time.Instant;

/**
 * A stored User-Agent rule for choosing digest algorithms (V061): rules are consulted in
 * {@code position} order, the first whose pattern occurs in a phone's User-Agent wins. Immutable.
 *
 * @param userAgentPattern a Java regular expression, searched case-insensitively
 * @param algorithms the offer, in challenge order: {@code md5}, {@code sha-256}, {@code md5,sha-256}
 *     or {@code sha-256,md5}
 * @param note why the rule exists, for the operator; null when none
 */
public record DigestRule(
        long id,
        int position,
        String userAgentPattern,
        String algorithms,
        String note,
        Instant createdAt,
        Instant updatedAt) {}
