package org.switchboard.pbx.digestrule;

import java.util.List;
import org.switchboard.store.seed.Seed;

/**
 * Copies the configuration's digest User-Agent rules ({@code sip.digest_user_agent_rules}, or
 * {@link DefaultDigestRules} when the file names none) into an empty table once, through
 * {@link DigestRuleService#replace} so seeded rules pass the API's checks. Run by the store's
 * {@code SeedRunner} on the start-up thread; the server reloads the cache after the seeds ran.
 */
public final class DigestRuleSeed implements Seed {
    private final DigestRuleService service;
    private final List<DigestRuleService.RuleInput> rules;

    public DigestRuleSeed(DigestRuleService service, List<DigestRuleService.RuleInput> rules) {
        this.service = service;
        this.rules = List.copyOf(rules);
    }

    /** The built-in defaults as seed input. */
    public static List<DigestRuleService.RuleInput> defaults() {
        return DefaultDigestRules.rules().stream()
                .map(UserAgentRule::toStored)
                .map(r -> new DigestRuleService.RuleInput(r.userAgentPattern(), r.algorithms(), r.note()))
                .toList();
    }

    @Override
    public String name() {
        return "digest_user_agent_rules";
    }

    @Override
    public boolean hasRows() {
        return service.count() > 0;
    }

    @Override
    public void apply() {
        service.replace(rules, "config seed");
    }
}
