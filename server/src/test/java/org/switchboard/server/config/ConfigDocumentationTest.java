package org.switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/configuration.md and switchboard.example.yml keep up with {@link ConfigSchema}. */
class ConfigDocumentationTest {
    private static final Path ROOT = Path.of(System.getenv("SWITCHBOARD_BUILD_DIR")).getParent().getParent();

    @Test
    void documentationListsEveryKeyWithItsVariableAndDefault() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/configuration.md"));

        for (ConfigSchema.Leaf leaf : ConfigSchema.leaves()) {
            assertThat(doc).contains("| `" + leaf.path() + "` |", "`" + leaf.environmentVariable() + "`");
            if (leaf.value().defaultText() != null && !leaf.value().defaultText().isEmpty()) {
                assertThat(doc).contains("`" + leaf.value().defaultText() + "`");
            }
        }
        ConfigSchema.lists().forEach((path, list) -> {
            assertThat(doc).contains("| `" + path + "` |", "`" + ConfigSchema.environmentVariable(path) + "`");
            list.item().keys().keySet().forEach(key -> assertThat(doc).as(path + "." + key).contains("| `" + key + "` |"));
        });
    }

    @Test
    void exampleFileIsValidAndMentionsEveryKey() throws IOException {
        Path example = ROOT.resolve("switchboard.example.yml");
        String text = Files.readString(example);

        SwitchboardConfig config = new ConfigLoader(Map.of()).load(example, true);

        assertThat(config.extensions()).hasSize(2);
        assertThat(config.provisioning().devices()).hasSize(1);
        for (ConfigSchema.Leaf leaf : ConfigSchema.leaves()) {
            String key = leaf.path().substring(leaf.path().lastIndexOf('.') + 1);
            assertThat(text).as(leaf.path()).containsPattern("(?m)^\\s*#?\\s*" + key + ":");
        }
        ConfigSchema.lists().forEach((path, list) ->
                list.item().keys().keySet().forEach(key -> assertThat(text).as(path + "." + key).contains(key + ":")));
    }
}
