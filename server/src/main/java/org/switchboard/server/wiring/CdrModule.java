package org.switchboard.server.wiring;

import java.util.List;
import org.switchboard.api.cdr.CdrRoutes;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.cdr.CdrRecorder;
import org.switchboard.pbx.cdr.CdrService;

/** Call detail records: their routes, and the write-behind recorder flushed at shutdown. */
public record CdrModule(CdrService cdrs, CdrRecorder recorder) implements FeatureModule {

    @Override
    public String name() {
        return "cdr";
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
