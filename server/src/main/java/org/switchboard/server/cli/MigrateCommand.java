package org.switchboard.server.cli;

import java.util.concurrent.Callable;
import org.switchboard.server.wiring.StoreWiring;
import org.switchboard.server.wiring.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code switchboard migrate}: applies pending schema migrations and exits, seeding nothing. Command-line thread. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply pending database migrations, then exit (no seeding, nothing started).")
final class MigrateCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    private ConfigOption config;

    @Spec
    private CommandSpec spec;

    MigrateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Logging.forOneShotCommand();
        try (Stores stores = StoreWiring.open(config.load(context.environment()).database())) {
            spec.commandLine().getOut().println("database migrated: schema version " + stores.database().schemaVersion());
        }
        return 0;
    }
}
