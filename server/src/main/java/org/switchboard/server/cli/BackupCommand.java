package org.switchboard.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.server.wiring.MohModule;
import org.switchboard.server.wiring.PromptModule;
import org.switchboard.server.wiring.StoreWiring;
import org.switchboard.server.wiring.Stores;
import org.switchboard.server.wiring.VoicemailModule;
import org.switchboard.store.backup.Backup;
import org.switchboard.store.backup.BackupFiles;
import org.switchboard.store.backup.BackupManifest;
import org.switchboard.store.db.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard backup FILE}: writes every table to an engine-neutral archive (the store's
 * {@link Backup}), with the voicemail audio of the data directory; safe while the server runs. Command-line thread.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write the whole database to an archive FILE (restorable on SQLite or PostgreSQL).")
final class BackupCommand implements Callable<Integer> {
    /** The data-directory folders whose files rows name, carried beside the tables. */
    private static final List<String> DATA_FOLDERS = List.of(VoicemailModule.FOLDER, PromptModule.FOLDER, MohModule.FOLDER);

    private final CliContext context;

    @Mixin
    private ConfigOption config;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The archive to write.")
    private Path file;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    private boolean force;

    BackupCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Logging.forOneShotCommand();
        if (Files.exists(file) && !force) {
            throw new ValidationException("archive", "already exists: " + file + " (use --force to replace it)");
        }
        SwitchboardConfig loaded = config.load(context.environment());
        try (Stores stores = StoreWiring.open(loaded.database())) {
            BackupManifest manifest = Backup.export(stores.database(), file, context.clock(),
                    new BackupFiles(loaded.dataDir(), DATA_FOLDERS));
            long rows = manifest.tables().stream().mapToLong(BackupManifest.TableEntry::rows).sum();
            long files = manifest.files().stream().mapToLong(BackupManifest.FolderEntry::files).sum();
            spec.commandLine().getOut().println("backup written: " + file + " (" + manifest.tables().size() + " tables, "
                    + rows + " rows, " + files + " files, schema version " + manifest.schemaVersion() + ")");
        }
        return 0;
    }
}
