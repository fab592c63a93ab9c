package org.switchboard.server.config;

import java.util.List;
import java.util.Map;

/**
 * The configuration after its shape was checked against {@link ConfigSchema} and before values
 * were typed: the values given for single keys (by dotted path) and each {@code extensions} item.
 * Immutable; any thread.
 */
record RawConfig(Map<String, Setting> values, List<Item> extensions) {

    RawConfig {
        values = Map.copyOf(values);
        extensions = List.copyOf(extensions);
    }

    /** One list item: its position (0-based), where it starts, and its keys. */
    record Item(int index, Origin origin, Map<String, Setting> values) {
        Item {
            values = Map.copyOf(values);
        }

        /** The key path of one of its fields, e.g. {@code extensions[2].number} (1-based for people). */
        String path(String key) {
            return ConfigSchema.EXTENSIONS + "[" + (index + 1) + "]" + (key.isEmpty() ? "" : "." + key);
        }
    }
}
