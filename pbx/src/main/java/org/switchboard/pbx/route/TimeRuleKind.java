package org.switchboard.pbx.route;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.switchboard.pbx.routing.Destination;
import org.switchboard.pbx.routing.DestinationKind;
import org.switchboard.pbx.routing.Route;
import org.switchboard.pbx.routing.RuleMatch;
import org.switchboard.store.db.ValidationException;

/**
 * Destination kind {@code time_rule}: the target names a time rule, which must exist when a rule or
 * route naming it is saved. It takes no call itself: the call router asks it where the call goes
 * now ({@link #redirect}), the rule's open or closed destination, read on {@code clock} in the
 * server's time zone ({@code calls.time_zone}). Immutable; thread-safe (memory only).
 */
public final class TimeRuleKind implements DestinationKind {
    public static final String NAME = "time_rule";

    private final TimeRuleService rules;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param clock the time rules are judged on (tests move it)
     * @param zone the server's time zone ({@code calls.time_zone}), in which hours and holidays are read
     */
    public TimeRuleKind(TimeRuleService rules, Clock clock, ZoneId zone) {
        this.rules = rules;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "goes to the open or the closed destination of the time rule named by the target, by the time now";
    }

    @Override
    public void checkTarget(String target) {
        if (rules.find(target).isEmpty()) {
            throw new ValidationException("target", "no time rule named '" + target + "'");
        }
    }

    @Override
    public Route decide(RuleMatch match) {
        return new Route.ToApplication(NAME, match.target(), match.dialled(), match.argument());
    }

    @Override
    public Optional<Redirect> redirect(String target) {
        return Optional.of(rules.choose(target, ZonedDateTime.ofInstant(clock.instant(), zone))
                .map(choice -> new Redirect(choice.destination(), choice.why()))
                // The rule was deleted after a route named it: refuse rather than guess a branch.
                .orElse(new Redirect(new Destination("reject", "404"),
                        "no time rule named '" + target + "'")));
    }
}
