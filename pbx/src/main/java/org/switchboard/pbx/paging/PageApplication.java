package org.switchboard.pbx.paging;

import java.time.Duration;
import java.util.Optional;
import org.switchboard.pbx.call.Application;
import org.switchboard.pbx.call.IncomingCall;
import org.switchboard.pbx.routing.ApplicationKind;
import org.switchboard.pbx.routing.Route;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.paging.PagingZone;

/**
 * Destination kind {@code page}: the target is a paging zone's name; the PBX answers and pages the zone's members
 * one way ({@link Pager}). A zone that does not exist when the call comes is refused with 404. Thread-safe.
 */
public final class PageApplication implements Application {
    /** The kind's name in dial-plan rules. */
    public static final String KIND = "page";

    private final PagingService zones;
    private final Pager pager;

    public PageApplication(PagingService zones, Pager pager) {
        this.zones = zones;
        this.pager = pager;
    }

    /** The kind rules name: {@code "action": "page", "target": "<zone>"}; the zone must exist when the rule is saved. */
    public static ApplicationKind kind(PagingService zones) {
        return new ApplicationKind(KIND, "answers and pages the phones of the paging zone the target names, one way",
                target -> {
                    if (!target.contains("$") && zones.find(target).isEmpty()) {
                        throw new ValidationException("target", "must name a paging zone ("
                                + String.join(", ", zones.list().stream().map(PagingZone::name).toList()) + ")");
                    }
                });
    }

    @Override
    public void start(IncomingCall call, Route.ToApplication destination) {
        Optional<PagingZone> zone = zones.find(destination.target());
        if (zone.isEmpty()) {
            call.refuse(404, "No Such Paging Zone");
            return;
        }
        PagingZone z = zone.get();
        pager.start(call, new PageOrder("page " + z.name(), z.members(), true, z.beep(), Duration.ofSeconds(z.maxSeconds())));
    }
}
