package org.switchboard.pbx.fraud;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.fraud.BlockedPattern;
import org.switchboard.store.fraud.ExtensionLimits;
import org.switchboard.store.fraud.FraudEvent;
import org.switchboard.store.fraud.FraudSettings;
import org.switchboard.store.fraud.JdbiBlockedPatternStore;
import org.switchboard.store.fraud.JdbiFraudEventStore;
import org.switchboard.store.fraud.JdbiFraudSettingsStore;
import org.switchboard.store.fraud.NewBlockedPattern;
import org.switchboard.store.fraud.OutboundClass;

/**
 * The single entry point for fraud settings, per-extension limits and blocked patterns (API, the
 * checks): writes through and keeps everything in memory ({@link #snapshot}), which the call path
 * reads without locking. Checks that an after-hours rule names a time rule and that limits name an
 * extension.
 *
 * <p>Thread-safe: changes are serialized by one lock, each followed by a reload published through a
 * volatile snapshot. The changing methods block: never call them on an event loop or a call thread.
 */
public final class FraudService {
    private static final Logger log = LoggerFactory.getLogger(FraudService.class);

    /** What an extension may do: its own class and limits, or the settings' defaults (0: no limit). */
    public record Limits(OutboundClass permission, long dailySpendMicros, long dailyMinutes, int maxInternationalCalls) {}

    /** Everything the checks read, as of the last change. */
    public record Snapshot(FraudSettings settings, Map<String, ExtensionLimits> limits, List<BlockedPattern> patterns) {
        /** {@code extension}'s limits in force. */
        public Limits limitsOf(String extension) {
            Optional<ExtensionLimits> own = Optional.ofNullable(limits.get(extension));
            return new Limits(own.map(ExtensionLimits::permission).orElse(settings.defaultPermission()),
                    own.map(ExtensionLimits::dailySpendMicros).orElse(settings.dailySpendMicros()),
                    own.map(ExtensionLimits::dailyMinutes).map(Integer::longValue).orElse((long) settings.dailyMinutes()),
                    own.map(ExtensionLimits::maxInternationalCalls).orElse(settings.maxInternationalCalls()));
        }

        /** The enabled pattern with the longest prefix of {@code number}. */
        public Optional<BlockedPattern> blocking(String number) {
            return patterns.stream().filter(p -> p.values().enabled() && number.startsWith(p.values().prefix()))
                    .max(Comparator.comparingInt(p -> p.values().prefix().length()));
        }
    }

    private final JdbiFraudSettingsStore settings;
    private final JdbiBlockedPatternStore patterns;
    private final JdbiFraudEventStore events;
    private final Predicate<String> extensionExists;
    private final Predicate<String> timeRuleExists;
    private final Clock clock;
    private final EventBus bus;
    private final Lock changes = new ReentrantLock();
    private volatile Snapshot snapshot;

    public FraudService(JdbiFraudSettingsStore settings, JdbiBlockedPatternStore patterns, JdbiFraudEventStore events,
            Predicate<String> extensionExists, Predicate<String> timeRuleExists, Clock clock, EventBus bus) {
        this.settings = settings;
        this.patterns = patterns;
        this.events = events;
        this.extensionExists = extensionExists;
        this.timeRuleExists = timeRuleExists;
        this.clock = clock;
        this.bus = bus;
    }

    /** Everything the checks read, from memory. */
    public Snapshot snapshot() {
        return snapshot;
    }

    public FraudSettings settings() {
        return snapshot.settings();
    }

    public FraudSettings saveSettings(FraudSettings s, String actor) {
        return change("fraud_settings", "settings", Change.UPDATED, actor, () -> {
            s.afterHoursRule().filter(rule -> !timeRuleExists.test(rule)).ifPresent(rule -> {
                throw new ValidationException("after_hours_rule", "no time rule named '" + rule + "'");
            });
            return settings.saveSettings(s, clock.instant());
        });
    }

    /** {@code extension}'s own limits, empty when it has the defaults; {@link NotFoundException} for no such extension. */
    public Optional<ExtensionLimits> limits(String extension) {
        checkExtension(extension);
        return Optional.ofNullable(snapshot.limits().get(extension));
    }

    public ExtensionLimits saveLimits(ExtensionLimits limits, String actor) {
        return change("fraud_limits", limits.extension(), Change.UPDATED, actor,
                () -> settings.saveLimits(limits, clock.instant()));
    }

    /** Gives {@code extension} the defaults again. */
    public void deleteLimits(String extension, String actor) {
        checkExtension(extension);
        change("fraud_limits", extension, Change.DELETED, actor, () -> settings.deleteLimits(extension));
    }

    public List<BlockedPattern> patterns() {
        return snapshot.patterns();
    }

    public BlockedPattern createPattern(NewBlockedPattern p, String actor) {
        return change("fraud_pattern", p.prefix(), Change.CREATED, actor, () -> patterns.create(p, clock.instant()));
    }

    public BlockedPattern updatePattern(long id, NewBlockedPattern p, String actor) {
        return change("fraud_pattern", Long.toString(id), Change.UPDATED, actor,
                () -> patterns.update(id, p, clock.instant()));
    }

    public void deletePattern(long id, String actor) {
        change("fraud_pattern", Long.toString(id), Change.DELETED, actor, () -> {
            patterns.delete(id);
            return null;
        });
    }

    /** Up to {@code limit} events, newest first, of {@code extension} when given (a database read). */
    public List<FraudEvent> events(Optional<String> extension, int limit) {
        return events.recent(extension, limit);
    }

    /** Loads the in-memory copy from the database (at start, and after an extension changed). */
    public void reloadCache() {
        changes.lock();
        try {
            snapshot = load();
        } finally {
            changes.unlock();
        }
    }

    private Snapshot load() {
        return new Snapshot(settings.settings(), settings.limits().stream()
                .collect(Collectors.toUnmodifiableMap(ExtensionLimits::extension, Function.identity())),
                patterns.list());
    }

    private void checkExtension(String extension) {
        if (!extensionExists.test(extension)) {
            throw new NotFoundException("extension", extension);
        }
    }

    private <T> T change(String kind, String key, Change change, String actor, Supplier<T> write) {
        T saved;
        changes.lock();
        try {
            saved = write.get();
            snapshot = load();
        } finally {
            changes.unlock();
        }
        bus.publish(new ConfigChanged(clock.instant(), kind, key, change));
        log.info("{} {} key={} by={}", kind.replace('_', ' '), change.name().toLowerCase(Locale.ROOT), key, actor);
        return saved;
    }
}
