package org.switchboard.server.wiring;

import java.util.List;
import org.switchboard.api.digestrule.DigestRuleRoutes;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.digestrule.DigestRuleSeed;
import org.switchboard.pbx.digestrule.DigestRuleService;
import org.switchboard.store.seed.Seed;

/**
 * The digest User-Agent rules (which phones are offered which algorithms): seeded once from
 * {@code sip.digest_user_agent_rules}, or from the built-in rules when the file names none; their
 * cache and routes.
 */
public record DigestRuleModule(DigestRuleService rules, List<DigestRuleService.RuleInput> configured)
        implements FeatureModule {

    @Override
    public String name() {
        return "digest-rules";
    }

    @Override
    public List<Seed> seeds() {
        return List.of(new DigestRuleSeed(rules, configured.isEmpty() ? DigestRuleSeed.defaults() : configured));
    }

    @Override
    public void loadCaches() {
        rules.reloadCache();
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new DigestRuleRoutes(rules));
    }
}
