package org.switchboard.server.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration after its shape was checked against {@link ConfigSchema} and before values
 * were typed: the values given for single keys (by dotted path) and the items of each list (by
 * the list's dotted path, e.g. {@code extensions}, {@code provisioning.devices}).
 * Immutable; any thread.
 */
record RawConfig(Map<String, Setting> values, Map<String, List<Item>> lists) {

    RawConfig {
        values = Map.copyOf(values);
        Map<String, List<Item>> copy = new LinkedHashMap<>();
        lists.forEach((path, items) -> copy.put(path, List.copyOf(items)));
        lists = Map.copyOf(copy);
    }

    /** The items given for the list at {@code path}; empty when none were. */
    List<Item> list(String path) {
        return lists.getOrDefault(path, List.of());
    }

    /** One list item: the list's path, its position (0-based), where it starts, and its keys. */
    record Item(String list, int index, Origin origin, Map<String, Setting> values) {
        Item {
            values = Map.copyOf(values);
        }

        /** The key path of one of its fields, e.g. {@code extensions[2].number} (1-based for people). */
        String path(String key) {
            return list + "[" + (index + 1) + "]" + (key.isEmpty() ? "" : "." + key);
        }
    }
}
