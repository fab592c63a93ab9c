package org.switchboard.pbx.parking;

import org.switchboard.store.parking.NewParkLot;
import org.switchboard.store.seed.Seed;

/**
 * Copies the configuration's {@code parking} section into an empty database once, through {@link
 * ParkingService#save} so the seeded lot passes the API's checks and gets its dial-plan rules. Run by the store's
 * {@code SeedRunner} on the start-up thread.
 */
public final class ParkingSeed implements Seed {
    private final ParkingService parking;
    private final NewParkLot lot;

    public ParkingSeed(ParkingService parking, NewParkLot lot) {
        this.parking = parking;
        this.lot = lot;
    }

    @Override
    public String name() {
        return "parking";
    }

    @Override
    public boolean hasRows() {
        return parking.hasLot();
    }

    @Override
    public void apply() {
        parking.save(lot, "config seed");
    }
}
