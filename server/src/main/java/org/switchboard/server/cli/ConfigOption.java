package org.switchboard.server.cli;

import java.nio.file.Path;
import java.util.Map;
import org.switchboard.server.config.ConfigLoader;
import org.switchboard.server.config.SwitchboardConfig;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option shared by every command that reads the configuration (a picocli mixin). */
final class ConfigOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: ./switchboard.yml; if that is missing, all defaults apply).")
    private Path file;

    /** The file that will be read. */
    Path file() {
        return file == null ? ConfigLoader.DEFAULT_FILE : file;
    }

    /** Loads and validates the configuration; a file named with --config must exist. */
    SwitchboardConfig load(Map<String, String> environment) {
        return new ConfigLoader(environment).load(file(), file != null);
    }
}
