package org.switchboard.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code switchboard admin}: groups the administrator account commands; alone, it is a usage error. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Manage administrator accounts in the database.",
        subcommands = {AdminResetPasswordCommand.class})
final class AdminCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required (reset-password)");
    }
}
