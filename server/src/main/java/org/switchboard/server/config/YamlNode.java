package org.switchboard.server.config;

import java.util.List;

/**
 * One node of a configuration file as written, with the line it starts on, so every problem can
 * name the line. Scalars keep their source text (a port written {@code 5060} and a PIN written
 * {@code 0123} both stay text until the schema says what they are). Immutable; any thread.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    /** The 1-based line the node starts on; 0 when it did not come from the file (an environment variable). */
    int line();

    /** A scalar; {@code text} is null for YAML null ({@code ~} or nothing after the colon). */
    record Scalar(String text, int line) implements YamlNode {}

    /** A mapping, entries in file order (duplicates kept so they can be reported). */
    record Mapping(List<Entry> entries, int line) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }
    }

    /** A sequence. */
    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** One key of a mapping, with the line of the key. */
    record Entry(String key, int line, YamlNode value) {}

    /** What a node is, in words for error messages. */
    static String describe(YamlNode node) {
        return switch (node) {
            case Scalar s -> s.text() == null ? "nothing" : "a single value";
            case Mapping m -> "a section of keys";
            case Sequence s -> "a list";
        };
    }
}
