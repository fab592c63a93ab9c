package org.switchboard.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard admin reset-password USER}: sets a new password through {@code
 * AdminAuthService} (same Argon2id hashing as the API) and revokes that admin's tokens; the way
 * back from a lost generated password. Command-line thread.
 */
@Command(name = "reset-password", mixinStandardHelpOptions = true,
        description = "Set a new password for an administrator and end their sessions.")
final class AdminResetPasswordCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    private ConfigOption config;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "USER", description = "The administrator's username.")
    private String username;

    // Given without a value, picocli prompts for it without echo, keeping it out of the shell history.
    @Option(names = "--password", required = true, interactive = true, arity = "0..1",
            description = "New password (at least 8 characters). Without a value: asked for without echo.")
    private String password;

    AdminResetPasswordCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Logging.forOneShotCommand();
        try (ServiceSession session = ServiceSession.open(config.load(context.environment()), context)) {
            int revoked = session.features().adminAuth().resetPassword(username, password, ServiceSession.actor());
            spec.commandLine().getOut().println("admin " + username + ": password reset, "
                    + revoked + (revoked == 1 ? " session" : " sessions") + " ended");
        }
        return 0;
    }
}
