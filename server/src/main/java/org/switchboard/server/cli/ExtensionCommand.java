package org.switchboard.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code switchboard extension}: groups add, list and remove; alone, it is a usage error. */
@Command(name = "extension", mixinStandardHelpOptions = true,
        description = "Manage extensions in the database (the same service the HTTP API uses).",
        subcommands = {ExtensionAddCommand.class, ExtensionListCommand.class, ExtensionRemoveCommand.class})
final class ExtensionCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required (add, list, remove)");
    }
}
