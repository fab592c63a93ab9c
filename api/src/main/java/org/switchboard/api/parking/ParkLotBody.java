package org.switchboard.api.parking;

import java.util.Optional;
import org.switchboard.store.db.Fields;
import org.switchboard.store.parking.NewParkLot;
import org.switchboard.store.parking.ReturnAction;

/**
 * Request body of {@code PUT /api/parking/lot}: every setting of the lot; {@code return_action} omitted or null
 * for none (an unanswered ring-back hangs the call up).
 */
public record ParkLotBody(String number, Integer firstSlot, Integer lastSlot, Integer timeoutSeconds,
                          String musicClass, Action returnAction) {

    /** Where an unanswered ring-back goes, as sent. */
    public record Action(String action, String target) {}

    NewParkLot toLot() {
        Fields.check(firstSlot != null, "first_slot", "is required");
        Fields.check(lastSlot != null, "last_slot", "is required");
        Fields.check(timeoutSeconds != null, "timeout_seconds", "is required");
        return new NewParkLot(number, firstSlot, lastSlot, timeoutSeconds, musicClass,
                Optional.ofNullable(returnAction).map(a -> new ReturnAction(a.action(), a.target())));
    }
}
