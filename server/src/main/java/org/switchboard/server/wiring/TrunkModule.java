package org.switchboard.server.wiring;

import java.time.Clock;
import java.util.List;
import org.switchboard.api.http.Routes;
import org.switchboard.api.trunk.TrunkRoutes;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.pbx.provisioning.ProvisioningKeyFile;
import org.switchboard.pbx.trunk.TrunkLines;
import org.switchboard.pbx.trunk.TrunkService;
import org.switchboard.pbx.trunk.TrunkState;
import org.switchboard.pbx.trunk.TrunkTimings;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.sip.transport.SipServerResolver;
import org.switchboard.store.db.Database;
import org.switchboard.store.trunk.JdbiSipTrunkStore;
import org.switchboard.store.trunk.SipTrunk;

/**
 * SIP trunks: the service and its cache, the lines that register and probe once SIP runs (and
 * un-register before it stops), and the routes. Trunk passwords are sealed with the node's
 * provisioning key file ({@code provisioning.key_file}), the key that already seals provisioned
 * devices' SIP passwords, so one file is the node's one secret to back up. Built and driven by
 * the start-up thread.
 */
final class TrunkModule implements FeatureModule {
    private final TrunkService trunks;
    private final Clock clock;
    private final SipServerResolver resolver = new SipServerResolver();
    private TrunkLines lines;

    private TrunkModule(TrunkService trunks, Clock clock) {
        this.trunks = trunks;
        this.clock = clock;
    }

    static TrunkModule build(SwitchboardConfig config, Database database, EventBus events, Clock clock) {
        DeviceSecretCipher cipher = new DeviceSecretCipher(ProvisioningKeyFile.loadOrCreate(config.provisioning().keyFile()));
        return new TrunkModule(new TrunkService(new JdbiSipTrunkStore(database), cipher, clock, events), clock);
    }

    @Override
    public String name() {
        return "trunks";
    }

    /** The trunks' service, for outbound routing. */
    TrunkService trunks() {
        return trunks;
    }

    /** The carriers' resolver, shared with outbound calls. */
    SipServerResolver resolver() {
        return resolver;
    }

    /** What this node knows of {@code trunk} now; {@link TrunkState#STARTING} before the lines exist. */
    TrunkState state(SipTrunk trunk) {
        TrunkLines current = lines;
        return current == null ? TrunkState.STARTING : current.state(trunk);
    }

    @Override
    public void loadCaches() {
        trunks.reloadCache();
    }

    @Override
    public void schedule(Housekeeping housekeeping) {
        // Timers only post to a trunk's executor, which is what the housekeeping scheduler is for.
        lines = new TrunkLines(trunks, resolver, housekeeping.scheduler(), TrunkTimings.DEFAULTS, clock);
    }

    @Override
    public void sipStarted(SipWiring sip) {
        lines.start(sip.stack());
    }

    @Override
    public void sipStopping() {
        if (lines != null) {
            lines.stop();
        }
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new TrunkRoutes(trunks, lines));
    }

    @Override
    public void close() {
        resolver.close();
    }
}
