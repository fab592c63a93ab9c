package org.switchboard.server.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Walks a parsed file against {@link ConfigSchema}: reports unknown keys (with a suggestion),
 * duplicate keys and wrong shapes (a list where a value belongs...), and collects the values
 * given. Value types are checked later, after environment overrides. One instance per walk, on
 * one thread.
 */
final class SchemaWalker {
    private final Function<Integer, Origin> origin;
    private final List<ConfigProblem> problems;

    /**
     * @param origin   turns a line number into where it is (the file, or an environment variable holding YAML)
     * @param problems where problems are added
     */
    SchemaWalker(Function<Integer, Origin> origin, List<ConfigProblem> problems) {
        this.origin = origin;
        this.problems = problems;
    }

    /** Walks the whole document; values go to {@code values}, list items to {@code lists} by the list's path. */
    void walkRoot(YamlNode root, Map<String, Setting> values, Map<String, List<RawConfig.Item>> lists) {
        asMapping(root, "").ifPresent(m -> walkSection(ConfigSchema.ROOT, m, "", values, lists));
    }

    /** Walks a document that must be the list at {@code path} (the value of its environment variable). */
    void walkList(String path, YamlNode node, List<RawConfig.Item> items) {
        walkList(ConfigSchema.lists().get(path), node, path, items);
    }

    private void walkSection(ConfigSchema.Section schema, YamlNode.Mapping node, String prefix,
                             Map<String, Setting> values, Map<String, List<RawConfig.Item>> lists) {
        Set<String> seen = new HashSet<>();
        for (YamlNode.Entry entry : node.entries()) {
            String path = prefix.isEmpty() ? entry.key() : prefix + "." + entry.key();
            if (!seen.add(entry.key())) {
                problems.add(new ConfigProblem(origin.apply(entry.line()), path, "duplicate key; it is already set above"));
                continue;
            }
            ConfigSchema.Shape shape = schema.keys().get(entry.key());
            if (shape == null) {
                unknownKey(entry, path, schema);
                continue;
            }
            switch (shape) {
                case ConfigSchema.Section s ->
                        asMapping(entry.value(), path).ifPresent(m -> walkSection(s, m, path, values, lists));
                case ConfigSchema.Value v -> scalarText(entry, path).ifPresent(t ->
                        values.put(path, new Setting(t, origin.apply(entry.line()))));
                case ConfigSchema.ListOf l -> walkList(l, entry.value(), path, lists.computeIfAbsent(path, p -> new ArrayList<>()));
            }
        }
    }

    private void walkList(ConfigSchema.ListOf schema, YamlNode node, String path, List<RawConfig.Item> items) {
        if (node instanceof YamlNode.Scalar s && s.text() == null) {
            return; // "extensions:" with nothing after it: an empty list
        }
        if (!(node instanceof YamlNode.Sequence sequence)) {
            problems.add(new ConfigProblem(origin.apply(node.line()), path,
                    "must be a list (items starting with '-'), got " + YamlNode.describe(node)));
            return;
        }
        for (int i = 0; i < sequence.items().size(); i++) {
            YamlNode itemNode = sequence.items().get(i);
            String itemPath = path + "[" + (i + 1) + "]";
            if (!(itemNode instanceof YamlNode.Mapping mapping)) {
                problems.add(new ConfigProblem(origin.apply(itemNode.line()), itemPath,
                        "must be a section of keys (" + String.join(", ", schema.item().keys().keySet().stream().limit(2).toList())
                                + ", ...), got " + YamlNode.describe(itemNode)));
                continue;
            }
            Map<String, Setting> fields = new LinkedHashMap<>();
            walkItem(schema.item(), mapping, itemPath, fields);
            items.add(new RawConfig.Item(path, i, origin.apply(mapping.line()), fields));
        }
    }

    private void walkItem(ConfigSchema.Section schema, YamlNode.Mapping node, String itemPath, Map<String, Setting> fields) {
        Set<String> seen = new HashSet<>();
        for (YamlNode.Entry entry : node.entries()) {
            String path = itemPath + "." + entry.key();
            if (!seen.add(entry.key())) {
                problems.add(new ConfigProblem(origin.apply(entry.line()), path, "duplicate key; it is already set above"));
            } else if (!(schema.keys().get(entry.key()) instanceof ConfigSchema.Value)) {
                unknownKey(entry, path, schema);
            } else {
                scalarText(entry, path).ifPresent(t -> fields.put(entry.key(), new Setting(t, origin.apply(entry.line()))));
            }
        }
        schema.keys().forEach((key, shape) -> {
            if (shape instanceof ConfigSchema.Value v && v.required() && !fields.containsKey(key) && seen.add(key)) {
                problems.add(new ConfigProblem(origin.apply(node.line()), itemPath + "." + key, "is required"));
            }
        });
    }

    private void unknownKey(YamlNode.Entry entry, String path, ConfigSchema.Section schema) {
        String hint = Suggestions.closest(entry.key(), schema.keys().keySet())
                .map(s -> " (did you mean '" + s + "'?)")
                .orElse(" (known keys here: " + String.join(", ", schema.keys().keySet()) + ")");
        problems.add(new ConfigProblem(origin.apply(entry.line()), path, "unknown key" + hint));
    }

    private Optional<YamlNode.Mapping> asMapping(YamlNode node, String path) {
        return switch (node) {
            case YamlNode.Mapping m -> Optional.of(m);
            case YamlNode.Scalar s when s.text() == null -> Optional.of(new YamlNode.Mapping(List.of(), s.line()));
            default -> {
                problems.add(new ConfigProblem(origin.apply(node.line()), path,
                        (path.isEmpty() ? "the file must be a section of keys (sip:, http:, ...)" : "must be a section of keys")
                                + ", got " + YamlNode.describe(node)));
                yield Optional.empty();
            }
        };
    }

    /** The text of a single value; empty (and a problem when it is a list or section) otherwise. A YAML null means "not set". */
    private Optional<String> scalarText(YamlNode.Entry entry, String path) {
        if (entry.value() instanceof YamlNode.Scalar s) {
            return Optional.ofNullable(s.text());
        }
        problems.add(new ConfigProblem(origin.apply(entry.line()), path,
                "must be a single value, got " + YamlNode.describe(entry.value())));
        return Optional.empty();
    }
}
