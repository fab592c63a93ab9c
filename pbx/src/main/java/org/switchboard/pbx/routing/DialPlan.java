package org.switchboard.pbx.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.store.dialplan.DialPlanRule;

/**
 * A compiled, immutable set of dial-plan rules: given the caller and the dialled string, tries the
 * rules in ascending priority and lets the first whose pattern matches the whole string decide
 * (docs/calls.md). Nothing here touches the database; any thread may call {@link #route}.
 *
 * <p>Patterns run on RE2/J, whose matching time is linear in the dialled string's length whatever
 * the pattern: a rule such as {@code ((1+)+)+2} that makes a backtracking engine run for minutes
 * costs here what any other rule costs. With the dialled string capped at {@link #MAX_DIALLED} and
 * a pattern at 200 characters, one route is bounded, so a call thread never waits without bound.
 */
public final class DialPlan {
    private static final Logger log = LoggerFactory.getLogger(DialPlan.class);
    /** Longest dialled string considered; longer ones are refused before any pattern runs. */
    public static final int MAX_DIALLED = 64;
    private static final Pattern DIALLABLE = Pattern.compile("[0-9*#+]{1," + MAX_DIALLED + "}");

    private final List<CompiledRule> rules;

    /** @param rules in the order to try them; each already validated by {@link RuleCheck} */
    public DialPlan(List<DialPlanRule> rules) {
        this.rules = rules.stream().map(DialPlan::compile).toList();
    }

    /** The rules in the order they are tried. */
    public List<DialPlanRule> rules() {
        return rules.stream().map(CompiledRule::rule).toList();
    }

    /** Decides where a call from {@code caller} to {@code dialled} goes, with the explanation. */
    public RoutingDecision route(String caller, String dialled, DestinationKinds kinds) {
        List<RuleTrial> trail = new ArrayList<>();
        if (dialled == null || !DIALLABLE.matcher(dialled).matches()) {
            return new RoutingDecision(caller, String.valueOf(dialled),
                    new Route.Rejected("not a dialable number: 1 to " + MAX_DIALLED + " of 0-9 * # +", 404), trail);
        }
        for (CompiledRule c : rules) {
            DialPlanRule r = c.rule();
            if (c.pattern().isEmpty()) {
                trail.add(new RuleTrial(r.id(), r.priority(), r.name(), r.pattern(), false, UNSUPPORTED));
                continue;
            }
            Matcher m = c.pattern().get().matcher(dialled);
            if (!m.matches()) {
                trail.add(new RuleTrial(r.id(), r.priority(), r.name(), r.pattern(), false, "pattern does not match"));
                continue;
            }
            Route route = decide(r, m, dialled, kinds);
            trail.add(new RuleTrial(r.id(), r.priority(), r.name(), r.pattern(), true, describe(r, route)));
            return new RoutingDecision(caller, dialled, route, trail);
        }
        return new RoutingDecision(caller, dialled, new Route.Rejected("no dial-plan rule matches " + dialled, 404), trail);
    }

    private static Route decide(DialPlanRule r, Matcher m, String dialled, DestinationKinds kinds) {
        StringBuilder target = new StringBuilder();
        m.appendReplacement(target, r.target()); // fills in $0, $1...: RuleCheck allowed no other '$' or '\\'
        RuleMatch match = new RuleMatch(r.name(), target.toString(), dialled, argument(m));
        return kinds.find(r.action().key()).map(kind -> kind.decide(match))
                // A rule saved while a module was installed that is not any more.
                .orElseGet(() -> new Route.Rejected("destination kind '" + r.action().key() + "' is not installed", 404));
    }

    private static Optional<String> argument(Matcher m) {
        if (m.groupCount() == 0 || m.group(1) == null || m.group(1).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1));
    }

    private static String describe(DialPlanRule r, Route route) {
        return switch (route) {
            case Route.ToExtension to -> "matched: call extension " + to.number();
            case Route.ToApplication app -> "matched: " + app.kind() + " " + app.target()
                    + app.argument().map(a -> " with argument " + a).orElse("");
            case Route.Rejected x -> "matched: reject with " + x.sipStatus() + " (" + x.reason() + ")";
        };
    }

    private static final String UNSUPPORTED = "pattern skipped: not supported by the linear-time engine";

    /**
     * A rule saved before patterns ran on RE2/J may use what RE2 refuses (back-references,
     * look-around): it is skipped and said so, rather than keeping the whole plan from loading.
     */
    private static CompiledRule compile(DialPlanRule rule) {
        try {
            return new CompiledRule(rule, Optional.of(Pattern.compile(rule.pattern())));
        } catch (PatternSyntaxException e) {
            log.warn("dial-plan rule skipped id={} pattern={} reason={}", rule.id(), rule.pattern(), e.getDescription());
            return new CompiledRule(rule, Optional.empty());
        }
    }

    private record CompiledRule(DialPlanRule rule, Optional<Pattern> pattern) {}
}
