package org.switchboard.pbx.digestrule;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.digestrule.DigestRule;
import org.switchboard.store.digestrule.DigestRuleStore;

/**
 * The single entry point for the digest User-Agent rules (API, config seed, the SIP challenge):
 * checks and stores the list, and answers which algorithms a User-Agent is offered from an
 * in-memory copy, so a challenge never waits on SQL.
 *
 * <p>Thread-safe: changes are serialized by one lock and followed by a reload published through a
 * volatile field; {@link #offerFor} reads it without locking and remembers each User-Agent's
 * answer (phones send the same one on every request) until the next reload.
 */
public final class DigestRuleService {
    private static final Logger log = LoggerFactory.getLogger(DigestRuleService.class);
    /** User-Agents remembered at once; past it the memory starts again, which only costs a regex scan. */
    private static final int MAX_REMEMBERED = 10_000;

    private final DigestRuleStore store;
    private final Clock clock;
    private final EventBus events;
    private final Lock changes = new ReentrantLock();
    private volatile List<UserAgentRule> rules = List.of();
    private volatile ConcurrentHashMap<String, Optional<List<DigestAlgorithm>>> byUserAgent = new ConcurrentHashMap<>();

    /** @param events where a committed change is published as {@code ConfigChanged("digest_rules", "all")} */
    public DigestRuleService(DigestRuleStore store, Clock clock, EventBus events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    /** The rules in the order they are consulted, read from the database. */
    public List<DigestRule> list() {
        return store.list();
    }

    public long count() {
        return store.count();
    }

    /**
     * Replaces the whole list (the first matching rule wins, so order is meaning).
     *
     * @throws ValidationException naming {@code rules[i].field} for the first bad rule
     */
    public List<DigestRule> replace(List<RuleInput> inputs, String actor) {
        List<UserAgentRule> checked = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            RuleInput in = inputs.get(i);
            try {
                checked.add(UserAgentRule.of(in.userAgentPattern(), in.algorithms(), in.note()));
            } catch (ValidationException e) {
                throw new ValidationException("rules[" + i + "]." + e.field(), e.getMessage());
            }
        }
        changes.lock();
        try {
            List<DigestRule> saved = store.replaceAll(checked.stream().map(UserAgentRule::toStored).toList(),
                    clock.instant());
            reloadCache();
            events.publish(new ConfigChanged(clock.instant(), "digest_rules", "all", Change.UPDATED));
            log.info("digest user-agent rules replaced count={} by={}", saved.size(), actor);
            return saved;
        } finally {
            changes.unlock();
        }
    }

    /** A rule as the API or the config file gives it, not yet checked. */
    public record RuleInput(String userAgentPattern, String algorithms, String note) {}

    /**
     * The algorithms the first rule matching {@code userAgent} offers; empty when no rule matches
     * (the caller's default applies). From memory; any thread.
     */
    public Optional<List<DigestAlgorithm>> offerFor(String userAgent) {
        ConcurrentHashMap<String, Optional<List<DigestAlgorithm>>> memory = byUserAgent;
        Optional<List<DigestAlgorithm>> known = memory.get(userAgent);
        if (known != null) {
            return known;
        }
        Optional<List<DigestAlgorithm>> offer = rules.stream()
                .filter(r -> r.matches(userAgent))
                .findFirst()
                .map(UserAgentRule::offer);
        if (memory.size() >= MAX_REMEMBERED) {
            memory.clear();
        }
        memory.put(userAgent, offer);
        return offer;
    }

    /** Loads the rules from the database: at start, after a change, and on a change notice from another node. */
    public void reloadCache() {
        changes.lock();
        try {
            rules = store.list().stream()
                    .map(r -> UserAgentRule.of(r.userAgentPattern(), r.algorithms(), r.note()))
                    .toList();
            byUserAgent = new ConcurrentHashMap<>();
        } finally {
            changes.unlock();
        }
    }
}
