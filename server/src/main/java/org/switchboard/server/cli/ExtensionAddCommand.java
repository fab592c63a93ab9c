package org.switchboard.server.cli;

import java.util.concurrent.Callable;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.store.extension.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code switchboard extension add}: creates an extension through {@code ExtensionService}. Command-line thread. */
@Command(name = "add", mixinStandardHelpOptions = true, description = "Create an extension.")
final class ExtensionAddCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    private ConfigOption config;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NUMBER", description = "Extension number, 2 to 10 digits.")
    private String number;

    @Option(names = "--name", required = true, description = "Display name.")
    private String name;

    // Given without a value, picocli prompts for it without echo, keeping it out of the shell history.
    @Option(names = "--password", required = true, interactive = true, arity = "0..1",
            description = "SIP password (at least 8 characters). Without a value: asked for without echo.")
    private String password;

    @Option(names = "--email", description = "Email address for voicemail notifications.")
    private String email;

    @Option(names = "--voicemail-pin", description = "Voicemail PIN, 4 to 10 digits.")
    private String voicemailPin;

    @Option(names = "--allow-external", description = "Allow calls to outside numbers.")
    private boolean allowExternal;

    ExtensionAddCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Logging.forOneShotCommand();
        ExtensionInput input = new ExtensionInput(number, name, password, email, voicemailPin, allowExternal, true);
        try (ServiceSession session = ServiceSession.open(config.load(context.environment()), context)) {
            Extension created = session.features().extensions().create(input, ServiceSession.actor());
            spec.commandLine().getOut().println("extension " + created.number() + " created (" + created.name() + ")");
        }
        return 0;
    }
}
