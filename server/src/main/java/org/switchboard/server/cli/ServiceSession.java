package org.switchboard.server.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.server.wiring.FeatureWiring;
import org.switchboard.server.wiring.Features;
import org.switchboard.server.wiring.StoreWiring;
import org.switchboard.server.wiring.Stores;

/**
 * The services a one-shot command uses, on the configured database, built by the same wiring as
 * {@code run} so the command line and the API apply the same rules. Closing it closes the pool.
 * Used by one command on the command-line thread.
 */
final class ServiceSession implements AutoCloseable {
    private final Stores stores;
    private final Features features;

    private ServiceSession(Stores stores, Features features) {
        this.stores = stores;
        this.features = features;
    }

    static ServiceSession open(SwitchboardConfig config, CliContext context) {
        Stores stores = StoreWiring.open(config.database());
        // A one-shot command publishes no metrics; the services still count into a registry.
        return new ServiceSession(stores, FeatureWiring.build(stores, config, new SimpleMeterRegistry(), context.clock()));
    }

    Features features() {
        return features;
    }

    /** Who made a change from the command line, for the services' audit log lines. */
    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    @Override
    public void close() {
        features.cdrRecorder().close();
        stores.close();
    }
}
