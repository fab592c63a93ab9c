package org.switchboard.server.wiring;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.switchboard.api.cdr.CdrRoutes;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.cdr.CdrRecorder;
import org.switchboard.pbx.cdr.CdrService;
import org.switchboard.store.db.Engine;

/**
 * Call detail records: their routes, the write-behind recorder flushed at shutdown, and the rows a
 * crash left open: closed as interrupted at start, kept moving by a heartbeat while calls are up.
 */
public record CdrModule(CdrService cdrs, CdrRecorder recorder, Engine engine, Clock clock) implements FeatureModule {

    @Override
    public String name() {
        return "cdr";
    }

    /**
     * Closes the CDR rows a crash left open, before calls are taken. SQLite serves one node, so
     * every open row at start is one this node left; on PostgreSQL other nodes' calls are open
     * too, so only rows whose heartbeat stopped are closed (the rest by the periodic sweep).
     */
    @Override
    public void loadCaches() {
        Instant now = clock.instant();
        recorder.closeInterrupted(engine == Engine.SQLITE ? now : now.minus(CdrRecorder.STALE_AFTER));
    }

    @Override
    public void schedule(Housekeeping housekeeping) {
        housekeeping.every("cdr-heartbeat", CdrRecorder.HEARTBEAT, () -> recorder.heartbeat(clock.instant()));
        housekeeping.every("cdr-interrupted", CdrRecorder.STALE_AFTER,
                () -> recorder.closeInterrupted(clock.instant().minus(CdrRecorder.STALE_AFTER)));
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new CdrRoutes(cdrs));
    }

    @Override
    public void close() {
        recorder.close();
    }
}
