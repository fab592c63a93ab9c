package org.switchboard.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code switchboard config}: groups the configuration subcommands; alone, it is a usage error. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Work with the configuration file.",
        subcommands = ConfigCheckCommand.class)
final class ConfigCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required (check)");
    }
}
