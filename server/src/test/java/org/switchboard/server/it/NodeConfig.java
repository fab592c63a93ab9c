package org.switchboard.server.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.switchboard.server.config.ConfigLoader;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.store.testkit.TestDatabase;

/** The configuration of an in-process node for an IT: its YAML in {@code dir}, its database, and {@code dir} as data_dir. */
final class NodeConfig {
    private NodeConfig() {}

    /**
     * Writes {@code yaml} to {@code dir/switchboard.yml} and loads it with {@code database}'s
     * connection and {@code dir} as the data directory (key file and TLS material land there, not
     * in the module's folder), the way `switchboard run` loads its file and environment.
     */
    static SwitchboardConfig load(Path dir, TestDatabase database, String yaml) throws IOException {
        Path file = dir.resolve("switchboard.yml");
        Files.writeString(file, yaml);
        return new ConfigLoader(Map.of(
                "SWITCHBOARD_DATABASE_URL", database.settings().url(),
                "SWITCHBOARD_DATABASE_USER", database.settings().user(),
                "SWITCHBOARD_DATABASE_PASSWORD", database.settings().password(),
                "SWITCHBOARD_DATA_DIR", dir.toString())).load(file, true);
    }
}
