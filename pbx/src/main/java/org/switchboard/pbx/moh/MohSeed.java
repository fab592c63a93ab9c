package org.switchboard.pbx.moh;

import java.util.List;
import org.switchboard.store.moh.NewMohClass;
import org.switchboard.store.seed.Seed;

/**
 * Copies {@code moh.classes} into an empty database once, always with a {@code default} class (the tune
 * made in code when the configuration does not name it), through {@link MohService} so seeded classes
 * pass the API's checks. Run by the store's {@code SeedRunner} on the start-up thread.
 */
public final class MohSeed implements Seed {
    private final MohService service;
    private final List<NewMohClass> classes;

    public MohSeed(MohService service, List<NewMohClass> classes) {
        this.service = service;
        this.classes = List.copyOf(classes);
    }

    @Override
    public String name() {
        return "moh.classes";
    }

    @Override
    public boolean hasRows() {
        return service.count() > 0;
    }

    @Override
    public void apply() {
        service.seed(classes, "config seed");
    }
}
