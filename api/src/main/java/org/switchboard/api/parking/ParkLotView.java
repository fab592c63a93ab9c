package org.switchboard.api.parking;

import java.time.Instant;
import org.switchboard.store.parking.NewParkLot;
import org.switchboard.store.parking.ParkLot;

/** The park lot as the API shows it; {@code return_action} is left out when an unanswered ring-back hangs up. */
public record ParkLotView(String name, String number, int firstSlot, int lastSlot, int timeoutSeconds,
                          String musicClass, ParkLotBody.Action returnAction, Instant createdAt, Instant updatedAt) {

    static ParkLotView of(ParkLot lot) {
        NewParkLot v = lot.values();
        return new ParkLotView(lot.name(), v.number(), v.firstSlot(), v.lastSlot(), v.timeoutSeconds(), v.musicClass(),
                v.returnAction().map(a -> new ParkLotBody.Action(a.action(), a.target())).orElse(null),
                lot.createdAt(), lot.updatedAt());
    }
}
