package org.switchboard.server.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.switchboard.server.config.SwitchboardConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard config check}: validates the file and environment overrides without starting
 * or opening anything. Problems go to standard error with file line and key, exit code 2.
 * Command-line thread.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate the configuration file and SWITCHBOARD_* variables; start nothing. Exit code 2 on problems.")
final class ConfigCheckCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    private ConfigOption config;

    @Spec
    private CommandSpec spec;

    ConfigCheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Logging.forOneShotCommand();
        SwitchboardConfig loaded = config.load(context.environment());
        PrintWriter out = spec.commandLine().getOut();
        out.println("configuration OK: " + config.file());
        out.println("database: " + loaded.database().url().replaceAll("\\?.*$", ""));
        out.println("seed sections (copied into an empty database once, ignored afterwards): admin, extensions ("
                + loaded.extensions().size() + " entries), provisioning.devices ("
                + loaded.provisioning().devices().size() + " entries)");
        return 0;
    }
}
