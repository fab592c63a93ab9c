package org.switchboard.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code switchboard} command: lists the subcommands; alone, it is a usage error. */
@Command(name = "switchboard",
        mixinStandardHelpOptions = true,
        versionProvider = BuildVersion.class,
        description = "Switchboard IP PBX: run the server and administer its database.",
        subcommands = {
                RunCommand.class,
                MigrateCommand.class,
                ConfigCommand.class,
                ExtensionCommand.class,
                AdminCommand.class,
                BackupCommand.class,
                RestoreCommand.class,
        })
final class SwitchboardCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
