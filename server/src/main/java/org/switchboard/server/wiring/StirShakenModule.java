package org.switchboard.server.wiring;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.stirshaken.StirShaken;
import org.switchboard.server.config.SwitchboardConfig;

/**
 * STIR/SHAKEN: loads the configured key, certificate and trust anchors when the node is built, so
 * a bad file stops the start with its key and path (exit code 2) rather than failing the first
 * call; gives the signer and the inbound check to the trunk call paths ({@link #stirShaken()}).
 * Has no tables: attestation numbers come from the configuration until inbound routes hold the
 * DIDs. Built and closed by the start-up thread.
 */
final class StirShakenModule implements FeatureModule {
    private static final Logger log = LoggerFactory.getLogger(StirShakenModule.class);

    private final StirShaken stirShaken;

    private StirShakenModule(StirShaken stirShaken) {
        this.stirShaken = stirShaken;
    }

    static StirShakenModule build(SwitchboardConfig config, Clock clock) {
        StirShaken stirShaken = StirShaken.start(config.stirShaken(), clock);
        log.info("stir/shaken signing={} verifying={}", stirShaken.signer().map(s -> "x5u " + s.x5u()).orElse("off"),
                stirShaken.inbound().isPresent() ? "on" : "off");
        return new StirShakenModule(stirShaken);
    }

    @Override
    public String name() {
        return "stir-shaken";
    }

    /** The signer, attestation rule and inbound check, for the outbound and inbound trunk call paths. */
    StirShaken stirShaken() {
        return stirShaken;
    }

    @Override
    public void close() {
        stirShaken.close();
    }
}
