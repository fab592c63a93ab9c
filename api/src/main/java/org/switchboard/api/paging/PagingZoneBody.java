package org.switchboard.api.paging;

import java.util.List;
import java.util.Optional;
import org.switchboard.store.paging.NewPagingZone;

/**
 * Request body of {@code POST /api/paging-zones} and {@code PUT /api/paging-zones/{name}}; omitted fields take the
 * defaults (no number, a beep, 60 seconds at most).
 */
public record PagingZoneBody(String name, String number, List<String> members, Boolean beep, Integer maxSeconds) {
    static final int DEFAULT_MAX_SECONDS = 60;

    /** The zone to store, named {@code name} (the URL's name on an update, when the body names none). */
    NewPagingZone toZone(String name) {
        return new NewPagingZone(name, Optional.ofNullable(number), members, beep == null || beep,
                maxSeconds == null ? DEFAULT_MAX_SECONDS : maxSeconds);
    }
}
