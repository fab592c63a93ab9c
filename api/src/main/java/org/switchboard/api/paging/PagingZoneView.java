package org.switchboard.api.paging;

import java.time.Instant;
import java.util.List;
import org.switchboard.store.paging.PagingZone;

/** A paging zone as the API shows it; {@code number} is left out when the zone has none. */
public record PagingZoneView(String name, String number, List<String> members, boolean beep, int maxSeconds,
                             Instant createdAt, Instant updatedAt) {

    static PagingZoneView of(PagingZone zone) {
        return new PagingZoneView(zone.name(), zone.number().orElse(null), zone.members(), zone.beep(), zone.maxSeconds(),
                zone.createdAt(), zone.updatedAt());
    }
}
