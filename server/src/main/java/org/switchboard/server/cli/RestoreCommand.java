package org.switchboard.server.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.server.wiring.StoreWiring;
import org.switchboard.server.wiring.Stores;
import org.switchboard.store.backup.Backup;
import org.switchboard.store.backup.BackupManifest;
import org.switchboard.store.files.DataDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard restore FILE}: migrates the configured database and imports an archive into
 * it, and the archive's files (voicemail audio) under the data directory; refuses a database that
 * holds any rows. Seeds nothing, so the restored {@code applied_seeds}
 * rows decide what a later {@code run} seeds. Command-line thread.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Import an archive FILE into the configured database, which must be empty.")
final class RestoreCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    private ConfigOption config;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The archive written by 'switchboard backup'.")
    private Path file;

    RestoreCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Logging.forOneShotCommand();
        SwitchboardConfig loaded = config.load(context.environment());
        try (Stores stores = StoreWiring.open(loaded.database())) {
            BackupManifest manifest = Backup.restore(stores.database(), file, DataDirectory.open(loaded.dataDir()).root());
            long rows = manifest.tables().stream().mapToLong(BackupManifest.TableEntry::rows).sum();
            spec.commandLine().getOut().println("restored: " + file + " (" + manifest.tables().size() + " tables, "
                    + rows + " rows, made on " + manifest.engine() + " at " + manifest.exportedAt() + ")");
        }
        return 0;
    }
}
