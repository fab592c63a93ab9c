package org.switchboard.store.ivr;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;

/**
 * {@link AttendantStore} on the shared {@link Database}; the only SQL for the {@code
 * auto_attendant_*} tables. Thread-safe.
 */
public final class JdbiAttendantStore implements AttendantStore {
    private static final String MENU_COLUMNS = "id, name, greeting, timeout_seconds, retries, timeout_action, timeout_target, "
            + "invalid_action, invalid_target, created_at, updated_at";

    private final Database database;

    public JdbiAttendantStore(Database database) {
        this.database = database;
    }

    @Override
    public List<Menu> menus() {
        return database.read(h -> load(h, "", Map.of()));
    }

    @Override
    public Optional<Menu> menu(String name) {
        return database.read(h -> byName(h, name));
    }

    @Override
    public Menu create(NewMenu menu, Instant now) {
        return database.write(h -> {
            long id = h.createUpdate("""
                            INSERT INTO auto_attendant_menus (name, greeting, timeout_seconds, retries, timeout_action,
                                timeout_target, invalid_action, invalid_target, created_at, updated_at)
                            VALUES (:name, :greeting, :timeout, :retries, :timeoutAction, :timeoutTarget, :invalidAction,
                                :invalidTarget, :now, :now)""")
                    .bindMap(columns(menu, now))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            insertOptions(h, id, menu.options(), now);
            return byName(h, menu.name()).orElseThrow();
        });
    }

    @Override
    public Menu update(String name, NewMenu menu, Instant now) {
        return database.write(h -> {
            Menu existing = byName(h, name).orElseThrow(() -> new NotFoundException("menu", name));
            h.createUpdate("""
                            UPDATE auto_attendant_menus SET name = :name, greeting = :greeting, timeout_seconds = :timeout,
                                retries = :retries, timeout_action = :timeoutAction, timeout_target = :timeoutTarget,
                                invalid_action = :invalidAction, invalid_target = :invalidTarget, updated_at = :now
                            WHERE id = :id""")
                    .bindMap(columns(menu, now))
                    .bind("id", existing.id())
                    .execute();
            h.createUpdate("DELETE FROM auto_attendant_menu_options WHERE menu_id = :id").bind("id", existing.id()).execute();
            insertOptions(h, existing.id(), menu.options(), now);
            return byName(h, menu.name()).orElseThrow();
        });
    }

    @Override
    public void delete(String name) {
        database.execute(h -> {
            if (h.createUpdate("DELETE FROM auto_attendant_menus WHERE name = :name").bind("name", name).execute() == 0) {
                throw new NotFoundException("menu", name);
            }
        });
    }

    @Override
    public AttendantSettings settings() {
        return database.read(h -> h.createQuery("""
                        SELECT default_menu, direct_dial_enabled, direct_dial_timeout_ms
                        FROM auto_attendant_config WHERE id = 1""")
                .map((rs, ctx) -> new AttendantSettings(Optional.ofNullable(rs.getString("default_menu")),
                        rs.getBoolean("direct_dial_enabled"), Duration.ofMillis(rs.getLong("direct_dial_timeout_ms"))))
                .findOne()
                .orElse(AttendantSettings.DEFAULTS));
    }

    @Override
    public AttendantSettings saveSettings(AttendantSettings settings, Instant now) {
        database.execute(h -> h.createUpdate("""
                        INSERT INTO auto_attendant_config (id, default_menu, direct_dial_enabled, direct_dial_timeout_ms,
                            created_at, updated_at)
                        VALUES (1, :menu, :enabled, :timeout, :now, :now)
                        ON CONFLICT (id) DO UPDATE SET default_menu = excluded.default_menu,
                            direct_dial_enabled = excluded.direct_dial_enabled,
                            direct_dial_timeout_ms = excluded.direct_dial_timeout_ms, updated_at = excluded.updated_at""")
                .bind("menu", settings.defaultMenu().orElse(null))
                .bind("enabled", settings.directDialEnabled())
                .bind("timeout", settings.directDialTimeout().toMillis())
                .bind("now", now.toEpochMilli())
                .execute());
        return settings;
    }

    private static Map<String, Object> columns(NewMenu menu, Instant now) {
        return Map.of("name", menu.name(), "greeting", menu.greeting(), "timeout", menu.timeoutSeconds(),
                "retries", menu.retries(), "timeoutAction", menu.timeoutAction().action(),
                "timeoutTarget", menu.timeoutAction().target(), "invalidAction", menu.invalidAction().action(),
                "invalidTarget", menu.invalidAction().target(), "now", now.toEpochMilli());
    }

    private static void insertOptions(Handle h, long menuId, List<MenuOption> options, Instant now) {
        for (MenuOption option : options) {
            h.createUpdate("""
                            INSERT INTO auto_attendant_menu_options (menu_id, digit, action, target, created_at, updated_at)
                            VALUES (:menu, :digit, :action, :target, :now, :now)""")
                    .bind("menu", menuId)
                    .bind("digit", option.digit())
                    .bind("action", option.then().action())
                    .bind("target", option.then().target())
                    .bind("now", now.toEpochMilli())
                    .execute();
        }
    }

    private static Optional<Menu> byName(Handle h, String name) {
        return load(h, " WHERE name = :name", Map.of("name", name)).stream().findFirst();
    }

    /** The menus {@code where} selects, each with its options in key order (0-9, then * and #). */
    private static List<Menu> load(Handle h, String where, Map<String, Object> params) {
        record Row(long id, String name, String greeting, int timeout, int retries, MenuAction timeoutAction,
                   MenuAction invalidAction, Instant createdAt, Instant updatedAt) {}
        List<Row> rows = h.createQuery("SELECT " + MENU_COLUMNS + " FROM auto_attendant_menus" + where + " ORDER BY name")
                .bindMap(params)
                .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("name"), rs.getString("greeting"),
                        rs.getInt("timeout_seconds"), rs.getInt("retries"),
                        new MenuAction(rs.getString("timeout_action"), rs.getString("timeout_target")),
                        new MenuAction(rs.getString("invalid_action"), rs.getString("invalid_target")),
                        Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at"))))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<MenuOption>> options = h.createQuery("""
                        SELECT menu_id, digit, action, target FROM auto_attendant_menu_options
                        WHERE menu_id IN (<ids>)""")
                .bindList("ids", rows.stream().map(Row::id).toList())
                .map((rs, ctx) -> Map.entry(rs.getLong("menu_id"),
                        new MenuOption(rs.getString("digit"), new MenuAction(rs.getString("action"), rs.getString("target")))))
                .stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<Menu> menus = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<MenuOption> own = new ArrayList<>(options.getOrDefault(r.id(), List.of()));
            own.sort(Comparator.comparingInt(o -> MenuOption.DIGITS.indexOf(o.digit())));
            menus.add(new Menu(r.id(), r.name(), r.greeting(), r.timeout(), r.retries(), own, r.timeoutAction(),
                    r.invalidAction(), r.createdAt(), r.updatedAt()));
        }
        return menus;
    }
}
