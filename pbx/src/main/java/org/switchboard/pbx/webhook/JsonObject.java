package org.switchboard.pbx.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A flat JSON object written as text (RFC 8259), for webhook bodies: the PBX layer has no JSON
 * library (architecture.md), and a body of strings, numbers, booleans and one nested object needs
 * none. Fields keep their insertion order. Not thread-safe: built and written by one thread.
 */
final class JsonObject {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    JsonObject put(String name, String value) {
        fields.put(name, value);
        return this;
    }

    JsonObject put(String name, long value) {
        fields.put(name, value);
        return this;
    }

    JsonObject put(String name, boolean value) {
        fields.put(name, value);
        return this;
    }

    JsonObject put(String name, JsonObject value) {
        fields.put(name, value);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(128).append('{');
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            string(out, field.getKey());
            out.append(':');
            Object value = field.getValue();
            if (value instanceof String text) {
                string(out, text);
            } else {
                out.append(value);
            }
        }
        return out.append('}').toString();
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
