package org.switchboard.store.pickup;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.switchboard.store.db.Database;

/**
 * Table {@code call_pickups}: written behind in batches ({@link #write}, a {@code BatchSink}), read by the API.
 * Thread-safe.
 */
public final class CallPickupLog {
    private final Database database;

    public CallPickupLog(Database database) {
        this.database = database;
    }

    /** The latest {@code limit} pickups, the latest first. */
    public List<CallPickup> latest(int limit) {
        return database.read(h -> h.createQuery("SELECT call_id, rung, picked_up_by, how, picked_up_at FROM call_pickups"
                        + " ORDER BY picked_up_at DESC, call_id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new CallPickup(rs.getString("call_id"), rs.getString("rung"),
                        rs.getString("picked_up_by"), rs.getString("how"), Instant.ofEpochMilli(rs.getLong("picked_up_at"))))
                .list());
    }

    /** Writes a batch of pickups; idempotent, so a batch written again after a failure leaves one row per call. */
    public static void write(Handle h, List<CallPickup> batch) {
        for (CallPickup pickup : batch) {
            h.createUpdate("INSERT INTO call_pickups (call_id, rung, picked_up_by, how, picked_up_at)"
                            + " VALUES (:callId, :rung, :by, :how, :at) ON CONFLICT (call_id) DO NOTHING")
                    .bind("callId", pickup.callId()).bind("rung", pickup.rung()).bind("by", pickup.pickedUpBy())
                    .bind("how", pickup.how()).bind("at", pickup.at().toEpochMilli())
                    .execute();
        }
    }
}
