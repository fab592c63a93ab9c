package org.switchboard.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the configuration: the YAML file (a missing default file means all defaults), then
 * environment variables ({@code SWITCHBOARD_} + key path upper-cased, e.g.
 * {@code SWITCHBOARD_SIP_PORT}; {@code SWITCHBOARD_EXTENSIONS} and
 * {@code SWITCHBOARD_PROVISIONING_DEVICES} each hold a YAML list), then checks
 * every value and returns a {@link SwitchboardConfig}, or throws {@link ConfigException} listing
 * every problem with its file line or variable. Stateless apart from the environment it was
 * given; any thread.
 */
public final class ConfigLoader {
    /** The file read when none is named: {@code ./switchboard.yml}. */
    public static final Path DEFAULT_FILE = Path.of("switchboard.yml");

    private final Map<String, String> environment;

    /** @param environment the process environment ({@link System#getenv()}), or a map in tests */
    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * Loads {@code file}. When it does not exist: all defaults if {@code mustExist} is false (the
     * default file), a problem otherwise (a file named on the command line that is not there is a
     * typo, not a wish for defaults).
     */
    public SwitchboardConfig load(Path file, boolean mustExist) {
        String source = file.toString();
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, Setting> values = new LinkedHashMap<>();
        Map<String, List<RawConfig.Item>> lists = new LinkedHashMap<>();
        readFile(file, mustExist).ifPresent(text -> {
            YamlNode root = YamlTreeReader.read(text, source);
            new SchemaWalker(line -> Origin.file(source, line), problems).walkRoot(root, values, lists);
        });
        applyEnvironment(values, lists, problems);
        return new ConfigBinder(problems).bind(new RawConfig(values, lists));
    }

    private Optional<String> readFile(Path file, boolean mustExist) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            if (mustExist) {
                throw new ConfigException(List.of(new ConfigProblem(Origin.file(file.toString(), 0), "", "file not found")));
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(Origin.file(file.toString(), 0), "",
                    "cannot be read: " + e.getMessage())));
        }
    }

    private void applyEnvironment(Map<String, Setting> values, Map<String, List<RawConfig.Item>> lists,
                                  List<ConfigProblem> problems) {
        for (ConfigSchema.Leaf leaf : ConfigSchema.leaves()) {
            String variable = leaf.environmentVariable();
            String text = environment.get(variable);
            if (text != null) {
                values.put(leaf.path(), new Setting(text, new Origin.Environment(variable)));
            }
        }
        for (String path : ConfigSchema.lists().keySet()) {
            String variable = ConfigSchema.environmentVariable(path);
            String list = environment.get(variable);
            if (list != null) {
                // The variable replaces the file's list as a whole; merging item by item would be guesswork.
                List<RawConfig.Item> items = new ArrayList<>();
                YamlNode node = YamlTreeReader.read(list, "environment " + variable);
                new SchemaWalker(line -> new Origin.Environment(variable), problems).walkList(path, node, items);
                lists.put(path, items);
            }
        }
    }
}
