package org.switchboard.server.wiring;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.switchboard.api.http.Routes;
import org.switchboard.api.parking.ParkingRoutes;
import org.switchboard.pbx.parking.ParkApplication;
import org.switchboard.pbx.parking.ParkedCalls;
import org.switchboard.pbx.parking.ParkingSeed;
import org.switchboard.pbx.parking.ParkingService;
import org.switchboard.pbx.parking.RetrieveApplication;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.parking.JdbiParkLotStore;
import org.switchboard.store.seed.Seed;

/**
 * Call parking: destination kinds {@code park} and {@code park_slot} with their applications (announcements from
 * the node's prompts, music from music on hold, private mixers from the node's media endpoints once SIP runs), the
 * lot seeded from the {@code parking} section with its dial-plan rules, the once-a-second timeout sweep, and the
 * routes. Built and driven by the start-up thread.
 */
final class ParkingModule implements FeatureModule {
    /** How often parked calls are checked for their timeout: a ring-back comes at most this late. */
    private static final Duration SWEEP = Duration.ofSeconds(1);

    private final ParkingService parking;
    private final ParkedCalls slots;
    private final Seed seed;
    private final ParkApplication park;
    private final RetrieveApplication retrieve;

    private ParkingModule(ParkingService parking, ParkedCalls slots, Seed seed, ParkApplication park,
            RetrieveApplication retrieve) {
        this.parking = parking;
        this.slots = slots;
        this.seed = seed;
        this.park = park;
        this.retrieve = retrieve;
    }

    static ParkingModule build(Features features, SwitchboardConfig config, Database database, Clock clock) {
        ParkingService parking = new ParkingService(new JdbiParkLotStore(database), features.dialPlan(),
                name -> hasMusicClass(features, name), clock, features.events());
        ParkedCalls slots = new ParkedCalls(clock);
        return new ParkingModule(parking, slots, new ParkingSeed(parking, config.parking()),
                new ParkApplication(parking, slots, features.prompts(), features.moh()::forClass),
                new RetrieveApplication(slots));
    }

    private static boolean hasMusicClass(Features features, String name) {
        try {
            features.moh().get(name);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Override
    public String name() {
        return "parking";
    }

    @Override
    public List<ModuleDestination> destinations() {
        return List.of(new ModuleDestination(ParkApplication.kind(), park),
                new ModuleDestination(RetrieveApplication.kind(), retrieve));
    }

    @Override
    public List<Seed> seeds() {
        return List.of(seed);
    }

    @Override
    public void loadCaches() {
        parking.reloadCache();
    }

    @Override
    public void schedule(Housekeeping housekeeping) {
        housekeeping.every("parking-timeouts", SWEEP, slots::expire);
    }

    @Override
    public void sipStarted(SipWiring sip) {
        retrieve.useMixers(sip.endpoints()::newMixer);
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new ParkingRoutes(parking, slots));
    }
}
