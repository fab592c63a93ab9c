package org.switchboard.server.wiring;

import java.util.List;
import org.switchboard.api.http.Routes;
import org.switchboard.api.moh.MohRoutes;
import org.switchboard.pbx.moh.MohSeed;
import org.switchboard.pbx.moh.MohService;
import org.switchboard.store.moh.NewMohClass;
import org.switchboard.store.seed.Seed;

/**
 * Music on hold: seeded once from {@code moh.classes} (always with a {@code default} class), every class
 * decoded into its shared stream before traffic, and its routes. The service is also the node's hold
 * music, which {@link SipWiring} gives to call control.
 */
public record MohModule(MohService moh, List<NewMohClass> configured) implements FeatureModule {
    /** The data directory's folder of the classes' files. */
    public static final String FOLDER = "moh";

    @Override
    public String name() {
        return "moh";
    }

    @Override
    public List<Seed> seeds() {
        return List.of(new MohSeed(moh, configured));
    }

    @Override
    public void loadCaches() {
        moh.reloadCache();
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new MohRoutes(moh));
    }
}
