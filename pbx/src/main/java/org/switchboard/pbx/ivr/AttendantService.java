package org.switchboard.pbx.ivr;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.pbx.prompt.PromptService;
import org.switchboard.pbx.routing.DestinationKinds;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.ivr.AttendantSettings;
import org.switchboard.store.ivr.AttendantStore;
import org.switchboard.store.ivr.Menu;
import org.switchboard.store.ivr.MenuAction;
import org.switchboard.store.ivr.MenuOption;
import org.switchboard.store.ivr.NewMenu;

/**
 * The single entry point for the auto attendant's menus and settings (API, the {@code ivr}
 * destination kind, calls): checks every action against the attendant's own actions and the
 * registered destination kinds, writes through, and keeps the menus in memory for the calls.
 *
 * <p>Thread-safe: changes are serialized by one lock, each followed by a reload from the database
 * published through volatile fields that calls read without locking. The changing methods block:
 * never call them on an event loop or a call thread.
 */
public final class AttendantService {
    private static final Logger log = LoggerFactory.getLogger(AttendantService.class);

    private final AttendantStore store;
    private final MenuActionCheck actions;
    private final PromptService prompts;
    private final Clock clock;
    private final EventBus events;
    private final Lock changes = new ReentrantLock();
    private volatile Map<String, Menu> menus = Map.of();
    private volatile AttendantSettings settings = AttendantSettings.DEFAULTS;

    public AttendantService(AttendantStore store, DestinationKinds kinds, PromptService prompts, Clock clock, EventBus events) {
        this.store = store;
        this.actions = new MenuActionCheck(kinds);
        this.prompts = prompts;
        this.clock = clock;
        this.events = events;
    }

    /** Every menu, by name, from memory. */
    public List<Menu> menus() {
        return menus.values().stream().sorted(Comparator.comparing(Menu::name)).toList();
    }

    /** The menu called {@code name}, from memory (the call path). */
    public Optional<Menu> menu(String name) {
        return Optional.ofNullable(menus.get(name));
    }

    /** The attendant settings, from memory. */
    public AttendantSettings settings() {
        return settings;
    }

    /** The target check of kind {@code ivr}: a rule must name a stored menu. */
    public void checkMenuName(String target) {
        if (!menus.containsKey(target)) {
            throw new ValidationException("target", "must name an attendant menu (" + String.join(", ", names()) + ")");
        }
    }

    public Menu create(NewMenu menu, String actor) {
        changes.lock();
        try {
            check(menu);
            Menu saved = store.create(menu, clock.instant());
            changed(saved.name(), Change.CREATED, actor);
            return saved;
        } finally {
            changes.unlock();
        }
    }

    /** Replaces menu {@code name}; a menu keeps its name (other menus and rules name it). */
    public Menu update(String name, NewMenu menu, String actor) {
        if (!menu.name().equals(name)) {
            throw new ValidationException("name", "must be the menu's name in the URL: menus are not renamed");
        }
        changes.lock();
        try {
            if (!menus.containsKey(name)) {
                throw new NotFoundException("menu", name);
            }
            check(menu);
            Menu saved = store.update(name, menu, clock.instant());
            changed(name, Change.UPDATED, actor);
            return saved;
        } finally {
            changes.unlock();
        }
    }

    /** Deletes menu {@code name}; {@link ConflictException} while another menu or the settings lead to it. */
    public void delete(String name, String actor) {
        changes.lock();
        try {
            if (!menus.containsKey(name)) {
                throw new NotFoundException("menu", name);
            }
            for (Menu other : menus.values()) {
                if (!other.name().equals(name) && leadsTo(other, name)) {
                    throw new ConflictException("name", "menu '" + other.name() + "' leads to this menu; change it first");
                }
            }
            if (settings.defaultMenu().filter(name::equals).isPresent()) {
                throw new ConflictException("name", "is the default menu; choose another one first");
            }
            store.delete(name);
            changed(name, Change.DELETED, actor);
        } finally {
            changes.unlock();
        }
    }

    public AttendantSettings saveSettings(AttendantSettings next, String actor) {
        changes.lock();
        try {
            next.defaultMenu().ifPresent(m -> {
                if (!menus.containsKey(m)) {
                    throw new ValidationException("default_menu", "must name a menu (" + String.join(", ", names()) + ")");
                }
            });
            store.saveSettings(next, clock.instant());
            changed("settings", Change.UPDATED, actor);
            return settings;
        } finally {
            changes.unlock();
        }
    }

    /** Loads menus and settings from the database: at start, after each change, on a notice from another node. */
    public void reloadCache() {
        changes.lock();
        try {
            menus = store.menus().stream().collect(Collectors.toUnmodifiableMap(Menu::name, Function.identity()));
            settings = store.settings();
        } finally {
            changes.unlock();
        }
    }

    private void check(NewMenu menu) {
        if (!prompts.exists(menu.greeting())) {
            throw new ValidationException("greeting", "must name a prompt (GET /api/prompts lists them)");
        }
        Set<String> reachable = new HashSet<>(menus.keySet());
        reachable.add(menu.name());
        for (int i = 0; i < menu.options().size(); i++) {
            actions.check(menu.options().get(i).then(), "options[" + i + "]", reachable);
        }
        actions.check(menu.timeoutAction(), "timeout_action", reachable);
        actions.check(menu.invalidAction(), "invalid_action", reachable);
    }

    private static boolean leadsTo(Menu menu, String name) {
        return menu.options().stream().map(MenuOption::then).anyMatch(a -> isMenu(a, name))
                || isMenu(menu.timeoutAction(), name) || isMenu(menu.invalidAction(), name);
    }

    private static boolean isMenu(MenuAction action, String name) {
        return (action.action().equals("menu") || action.action().equals(AttendantApplication.KIND_NAME))
                && action.target().equals(name);
    }

    private List<String> names() {
        return menus.keySet().stream().sorted().toList();
    }

    private void changed(String key, Change change, String actor) {
        reloadCache();
        events.publish(new ConfigChanged(clock.instant(), "attendant_menu", key, change));
        log.info("attendant changed key={} change={} by={}", key, change, actor);
    }
}
