package org.switchboard.server.wiring;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.auth.AuthRoutes;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.admin.AdminAuthService;
import org.switchboard.store.seed.Seed;

/** Administrators: the first admin's seed, login routes, and the hourly purge of expired tokens. */
public record AdminModule(AdminAuthService adminAuth, Seed firstAdmin) implements FeatureModule {
    private static final Logger log = LoggerFactory.getLogger(AdminModule.class);

    @Override
    public String name() {
        return "admin";
    }

    @Override
    public List<Seed> seeds() {
        return List.of(firstAdmin);
    }

    @Override
    public void schedule(Housekeeping housekeeping) {
        housekeeping.every("admin-token-purge", Duration.ofHours(1), () -> {
            int purged = adminAuth.purgeExpiredTokens();
            if (purged > 0) {
                log.info("expired admin tokens purged count={}", purged);
            }
        });
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new AuthRoutes(adminAuth));
    }
}
