package org.switchboard.pbx.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.store.dialplan.DialPlanRule;

/**
 * A compiled, immutable set of dial-plan rules: given the caller and the dialled string, tries the
 * rules in ascending priority and lets the first whose pattern matches the whole string decide
 * (docs/calls.md). Nothing here touches the database; any thread may call {@link #route}.
 */
public final class DialPlan {
    /** Longest dialled string considered; longer ones are refused before any pattern runs. */
    public static final int MAX_DIALLED = 64;
    private static final Pattern DIALLABLE = Pattern.compile("[0-9*#+]{1," + MAX_DIALLED + "}");

    private final List<CompiledRule> rules;

    /** @param rules in the order to try them; each already validated by {@link RuleCheck} */
    public DialPlan(List<DialPlanRule> rules) {
        this.rules = rules.stream().map(r -> new CompiledRule(r, Pattern.compile(r.pattern()))).toList();
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
            Matcher m = c.pattern().matcher(dialled);
            DialPlanRule r = c.rule();
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

    private record CompiledRule(DialPlanRule rule, Pattern pattern) {}
}
