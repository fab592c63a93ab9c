package org.switchboard.pbx.fraud;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.route.OutboundCheck;
import org.switchboard.pbx.route.TimeRuleChoice;
import org.switchboard.store.fraud.BlockedPattern;
import org.switchboard.store.fraud.FraudEvent;
import org.switchboard.store.fraud.FraudSettings;
import org.switchboard.store.fraud.OutboundClass;

/**
 * The fraud checks of an extension's call to the outside, before any trunk is tried, in this order:
 * the extension's outbound class allows the number's class; no enabled blocked pattern starts the
 * number; an international or premium call is not made while the after-hours time rule is closed;
 * the extension's international calls up now are under its cap; its spend and minutes today are
 * under its budgets. The first rule broken refuses the call with {@code 403} and a reason phrase
 * that says why, logs it and queues a fraud event. Reads memory only (settings snapshot, today's
 * usage); runs on the call's executor; thread-safe.
 */
public final class FraudGuard implements OutboundCheck {
    private static final Logger log = LoggerFactory.getLogger(FraudGuard.class);
    static final int FORBIDDEN = 403;

    private final FraudService fraud;
    private final DailyUsage usage;
    private final BiFunction<String, ZonedDateTime, Optional<TimeRuleChoice>> timeRules;
    private final Clock clock;
    private final FraudEventLog events;

    /**
     * @param timeRules which branch of a time rule applies at a moment ({@code TimeRuleService::choose})
     * @param clock the clock, in the zone days and hours are judged in ({@code calls.time_zone})
     */
    public FraudGuard(FraudService fraud, DailyUsage usage,
            BiFunction<String, ZonedDateTime, Optional<TimeRuleChoice>> timeRules, Clock clock, FraudEventLog events) {
        this.fraud = fraud;
        this.usage = usage;
        this.timeRules = timeRules;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Optional<Refusal> check(String extension, String number) {
        Instant now = clock.instant();
        Optional<Broken> broken = broken(extension, number, now);
        broken.ifPresent(b -> {
            log.warn("outbound call refused extension={} number={} rule={} reason=\"{}\"", extension, number, b.rule(),
                    b.detail());
            events.record(FraudEvent.refused(now, extension, number, b.rule(), b.detail()));
        });
        return broken.map(b -> new Refusal(FORBIDDEN, "Forbidden - " + b.phrase()));
    }

    /** A broken rule: its name, the words the caller gets, and the details the event keeps. */
    private record Broken(String rule, String phrase, String detail) {
        Broken(String rule, String phrase) {
            this(rule, phrase, phrase);
        }
    }

    private Optional<Broken> broken(String extension, String number, Instant now) {
        FraudService.Snapshot snapshot = fraud.snapshot();
        FraudSettings settings = snapshot.settings();
        FraudService.Limits limits = snapshot.limitsOf(extension);
        OutboundClass numberClass = NumberClasses.of(settings, number);
        if (!limits.permission().allows(numberClass)) {
            return Optional.of(limits.permission() == OutboundClass.INTERNAL
                    ? new Broken("permission", "outside calls not permitted")
                    : new Broken("permission", numberClass.wireName() + " calls not permitted"));
        }
        Optional<BlockedPattern> pattern = snapshot.blocking(number);
        if (pattern.isPresent()) {
            return Optional.of(new Broken("blocked_pattern", "blocked destination",
                    "blocked destination " + pattern.get().values().prefix() + ": " + pattern.get().values().reason()));
        }
        boolean farAway = numberClass == OutboundClass.INTERNATIONAL || numberClass == OutboundClass.PREMIUM;
        ZonedDateTime local = now.atZone(clock.getZone());
        Optional<TimeRuleChoice> hours = settings.afterHoursRule().flatMap(rule -> timeRules.apply(rule, local));
        if (farAway && hours.isPresent() && !hours.get().open()) {
            return Optional.of(new Broken("after_hours", numberClass.wireName() + " calls blocked after hours",
                    numberClass.wireName() + " calls blocked after hours: " + hours.get().why()));
        }
        if (numberClass == OutboundClass.INTERNATIONAL && limits.maxInternationalCalls() > 0
                && usage.callsUp(extension, n -> NumberClasses.of(settings, n) == OutboundClass.INTERNATIONAL)
                        >= limits.maxInternationalCalls()) {
            return Optional.of(new Broken("international_calls", "too many international calls",
                    "too many international calls: " + limits.maxInternationalCalls() + " up at once"));
        }
        DailyUsage.Usage today = usage.today(extension, now);
        if (limits.dailySpendMicros() > 0 && today.spendMicros() >= limits.dailySpendMicros()) {
            return Optional.of(new Broken("daily_budget", "daily budget exceeded", "daily budget exceeded: spent "
                    + Money.text(today.spendMicros()) + " of " + Money.text(limits.dailySpendMicros())));
        }
        if (limits.dailyMinutes() > 0 && today.minutes() >= limits.dailyMinutes()) {
            return Optional.of(new Broken("daily_minutes", "daily minutes exceeded",
                    "daily minutes exceeded: " + today.minutes() + " of " + limits.dailyMinutes()));
        }
        return Optional.empty();
    }
}
