package org.switchboard.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads YAML text into {@link YamlNode}s with line numbers, using Jackson's streaming YAML parser
 * (a data-bound tree would lose the lines). Stateless; any thread.
 */
final class YamlTreeReader {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlTreeReader() {}

    /**
     * Parses {@code text}; an empty document is an empty mapping. Malformed YAML becomes a
     * {@link ConfigException} whose problem names {@code source} and the line.
     */
    static YamlNode read(String text, String source) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlNode.Mapping(List.of(), 1);
            }
            return readValue(parser);
        } catch (StreamReadException e) {
            int line = Optional.ofNullable(e.getLocation()).map(l -> l.getLineNr()).orElse(0);
            throw new ConfigException(List.of(new ConfigProblem(Origin.file(source, Math.max(line, 0)), "",
                    "not valid YAML: " + summary(e.getOriginalMessage()))));
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(Origin.file(source, 0), "", "cannot be read: " + e.getMessage())));
        }
    }

    private static YamlNode readValue(JsonParser parser) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> {
                List<YamlNode.Entry> entries = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    parser.nextToken();
                    entries.add(new YamlNode.Entry(key, keyLine, readValue(parser)));
                }
                yield new YamlNode.Mapping(entries, line);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser));
                }
                yield new YamlNode.Sequence(items, line);
            }
            case VALUE_NULL -> new YamlNode.Scalar(null, line);
            // "key:" with nothing after it and "key: ''" both mean "not set": the default applies.
            default -> new YamlNode.Scalar(parser.getText().isEmpty() ? null : parser.getText(), line);
        };
    }

    /**
     * The parser's explanation without its source excerpts: SnakeYAML's message alternates
     * unindented sentences with indented "in 'reader', line N" and snippet lines.
     */
    private static String summary(String message) {
        if (message == null) {
            return "syntax error";
        }
        return message.lines()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .collect(Collectors.joining("; "));
    }
}
