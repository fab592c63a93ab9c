package org.switchboard.pbx.followme;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.routing.Hunt;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.followme.FollowMe;
import org.switchboard.store.followme.FollowMeDestination;
import org.switchboard.store.followme.FollowMeStore;
import org.switchboard.store.followme.FollowMeStrategy;

/**
 * The single entry point for follow-me settings (API, the router through {@link FollowMeKind}):
 * checks that the listed numbers are other extensions, writes through, and keeps every extension's
 * settings in memory for the router, which asks {@link #hunt} on call executors.
 *
 * <p>Thread-safe: changes are serialized by one lock, each followed by a reload from the database
 * published through a volatile map that calls read without locking. {@link #put} and {@link
 * #reloadCache} block: never call them on an event loop or a call thread.
 */
public final class FollowMeService {
    private static final Logger log = LoggerFactory.getLogger(FollowMeService.class);

    private final FollowMeStore store;
    private final ExtensionService extensions;
    private final Clock clock;
    private final EventBus events;
    private final Lock changes = new ReentrantLock();
    private volatile Map<String, FollowMe> settings = Map.of();

    public FollowMeService(FollowMeStore store, ExtensionService extensions, Clock clock, EventBus events) {
        this.store = store;
        this.extensions = extensions;
        this.clock = clock;
        this.events = events;
    }

    /** Extension {@code number}'s settings ({@link FollowMe#NONE} when never set); NotFoundException for no such extension. */
    public FollowMe get(String number) {
        extensions.get(number);
        return settings.getOrDefault(number, FollowMe.NONE);
    }

    /** Replaces extension {@code number}'s settings, committed on return. */
    public FollowMe put(String number, FollowMe followMe, String actor) {
        changes.lock();
        try {
            extensions.get(number);
            List<FollowMeDestination> list = followMe.destinations();
            for (int i = 0; i < list.size(); i++) {
                String listed = list.get(i).number();
                if (listed.equals(number)) {
                    throw new ValidationException("destinations[" + i + "].number", "must not be the extension itself: its desk phone rings anyway");
                }
                if (extensions.find(listed).isEmpty()) {
                    throw new ValidationException("destinations[" + i + "].number",
                            "must be an existing extension (external numbers are not rung by follow-me yet)");
                }
            }
            FollowMe saved = store.put(number, followMe, clock.instant());
            reloadCache();
            events.publish(new ConfigChanged(clock.instant(), "follow_me", number, Change.UPDATED));
            log.info("follow-me changed extension={} enabled={} by={}", number, saved.enabled(), actor);
            return saved;
        } finally {
            changes.unlock();
        }
    }

    /** Loads every extension's settings: at start, after each change, after an extension changed. */
    public void reloadCache() {
        changes.lock();
        try {
            settings = Map.copyOf(store.all());
        } finally {
            changes.unlock();
        }
    }

    /** What a call reaching extension {@code number} rings when its follow-me is on, from memory. */
    public Optional<Hunt> hunt(String number) {
        FollowMe followMe = settings.get(number);
        if (followMe == null || !followMe.enabled()) {
            return Optional.empty();
        }
        List<Hunt.Stage> stages = stages(number, followMe);
        List<String> everyone = stages.stream().flatMap(s -> s.members().stream()).distinct().toList();
        return Optional.of(new Hunt(FollowMeKind.NAME, number, followMe.strategy() == FollowMeStrategy.TOGETHER, everyone,
                Duration.ofSeconds(followMe.deskSeconds()), Optional.empty(), stages));
    }

    /**
     * What rings in turn: the desk phone alone first (when so set), then the list in order (each
     * for its time) or all of it at once (for the longest time). Without "desk first" the desk phone
     * rings with every stage of the list.
     */
    static List<Hunt.Stage> stages(String desk, FollowMe followMe) {
        List<Hunt.Stage> stages = new ArrayList<>();
        if (followMe.deskFirst()) {
            stages.add(new Hunt.Stage(List.of(desk), Duration.ofSeconds(followMe.deskSeconds())));
        }
        List<String> withDesk = followMe.deskFirst() ? List.of() : List.of(desk);
        List<FollowMeDestination> list = followMe.destinations();
        if (followMe.strategy() == FollowMeStrategy.TOGETHER) {
            int longest = list.stream().mapToInt(FollowMeDestination::ringSeconds).max().orElseThrow();
            stages.add(new Hunt.Stage(Stream.concat(withDesk.stream(), list.stream().map(FollowMeDestination::number)).toList(),
                    Duration.ofSeconds(longest)));
        } else {
            list.forEach(d -> stages.add(new Hunt.Stage(Stream.concat(withDesk.stream(), Stream.of(d.number())).toList(),
                    Duration.ofSeconds(d.ringSeconds()))));
        }
        return stages;
    }
}
