package org.switchboard.pbx.extension;

import java.util.List;
import org.switchboard.store.seed.Seed;

/**
 * Copies the config file's {@code extensions:} section into an empty database, once, through
 * {@link ExtensionService#create} so seeded rows get the same validation and hashing as API rows.
 * Run by the store's {@code SeedRunner} on the start-up thread, inside the seed's transaction;
 * the server reloads the service's cache after the seeds ran.
 */
public final class ExtensionSeed implements Seed {
    private final ExtensionService extensions;
    private final List<ExtensionInput> entries;

    /** @param entries the section's entries, already parsed by the server into validated inputs */
    public ExtensionSeed(ExtensionService extensions, List<ExtensionInput> entries) {
        this.extensions = extensions;
        this.entries = List.copyOf(entries);
    }

    @Override
    public String name() {
        return "extensions";
    }

    @Override
    public boolean hasRows() {
        return extensions.count() > 0;
    }

    @Override
    public void apply() {
        for (ExtensionInput entry : entries) {
            extensions.create(entry, "config seed");
        }
    }
}
