package org.switchboard.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code switchboard extension remove}: deletes an extension through {@code ExtensionService}. Command-line thread. */
@Command(name = "remove", mixinStandardHelpOptions = true, description = "Delete an extension.")
final class ExtensionRemoveCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    private ConfigOption config;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NUMBER", description = "Extension number.")
    private String number;

    ExtensionRemoveCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Logging.forOneShotCommand();
        try (ServiceSession session = ServiceSession.open(config.load(context.environment()), context)) {
            session.features().extensions().delete(number, ServiceSession.actor());
        }
        spec.commandLine().getOut().println("extension " + number + " removed");
        return 0;
    }
}
