package org.switchboard.pbx.ivr;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.prompt.PromptService;
import org.switchboard.pbx.records.NamedRecords;
import org.switchboard.pbx.routing.DestinationKinds;
import org.switchboard.store.db.ConflictException;
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
    private final AttendantStore store;
    private final MenuActionCheck actions;
    private final PromptService prompts;
    private final Clock clock;
    private final NamedRecords<Menu> menus;
    private volatile AttendantSettings settings = AttendantSettings.DEFAULTS;

    public AttendantService(AttendantStore store, DestinationKinds kinds, PromptService prompts, Clock clock, EventBus events) {
        this.store = store;
        this.actions = new MenuActionCheck(kinds);
        this.prompts = prompts;
        this.clock = clock;
        this.menus = new NamedRecords<>("menu", "attendant_menu", Menu::name, store::menus,
                () -> settings = store.settings(), clock, events);
    }

    /** Every menu, by name, from memory. */
    public List<Menu> menus() {
        return menus.list();
    }

    /** The menu called {@code name}, from memory (the call path). */
    public Optional<Menu> menu(String name) {
        return menus.find(name);
    }

    /** The attendant settings, from memory. */
    public AttendantSettings settings() {
        return settings;
    }

    /** The target check of kind {@code ivr}: a rule must name a stored menu. */
    public void checkMenuName(String target) {
        if (menus.find(target).isEmpty()) {
            throw new ValidationException("target", "must name an attendant menu (" + String.join(", ", menus.keys()) + ")");
        }
    }

    public Menu create(NewMenu menu, String actor) {
        return menus.change(menu.name(), Change.CREATED, actor, () -> {
            check(menu);
            return store.create(menu, clock.instant());
        });
    }

    /** Replaces menu {@code name}; a menu keeps its name (other menus and rules name it). */
    public Menu update(String name, NewMenu menu, String actor) {
        if (!menu.name().equals(name)) {
            throw new ValidationException("name", "must be the menu's name in the URL: menus are not renamed");
        }
        return menus.change(name, Change.UPDATED, actor, () -> {
            menus.get(name);
            check(menu);
            return store.update(name, menu, clock.instant());
        });
    }

    /** Deletes menu {@code name}; {@link ConflictException} while another menu or the settings lead to it. */
    public void delete(String name, String actor) {
        menus.remove(name, actor, () -> {
            menus.get(name);
            for (Menu other : menus.list()) {
                if (!other.name().equals(name) && leadsTo(other, name)) {
                    throw new ConflictException("name", "menu '" + other.name() + "' leads to this menu; change it first");
                }
            }
            if (settings.defaultMenu().filter(name::equals).isPresent()) {
                throw new ConflictException("name", "is the default menu; choose another one first");
            }
            store.delete(name);
        });
    }

    /** Saves the settings; the change is announced as the {@code attendant_menu} entity {@code settings}. */
    public AttendantSettings saveSettings(AttendantSettings next, String actor) {
        menus.change("settings", Change.UPDATED, actor, () -> {
            next.defaultMenu().ifPresent(m -> {
                if (menus.find(m).isEmpty()) {
                    throw new ValidationException("default_menu", "must name a menu (" + String.join(", ", menus.keys()) + ")");
                }
            });
            store.saveSettings(next, clock.instant());
            return null;
        });
        return settings;
    }

    /** Loads menus and settings from the database: at start, after each change, on a notice from another node. */
    public void reloadCache() {
        menus.reload();
    }

    private void check(NewMenu menu) {
        if (!prompts.exists(menu.greeting())) {
            throw new ValidationException("greeting", "must name a prompt (GET /api/prompts lists them)");
        }
        Set<String> reachable = new HashSet<>(menus.keys());
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
}
