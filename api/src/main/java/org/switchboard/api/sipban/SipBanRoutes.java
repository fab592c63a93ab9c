package org.switchboard.api.sipban;

import static org.switchboard.api.http.BearerAuthFilter.actor;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.InetAddress;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.sipban.SipBanService;
import org.switchboard.store.db.ValidationException;

/**
 * The SIP ban list over HTTP: {@code GET /api/sip-bans} lists the sources banned for failing SIP
 * authentication, {@code DELETE /api/sip-bans/{address}} lifts one ban on every node. Translates to
 * {@link SipBanService}; handlers run on virtual threads.
 */
public final class SipBanRoutes implements Routes {
    private final SipBanService bans;

    public SipBanRoutes(SipBanService bans) {
        this.bans = bans;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/sip-bans", this::list);
        routes.delete("/api/sip-bans/{address}", this::lift);
    }

    @Override
    public String openApiResource() {
        return "openapi/sipban.json";
    }

    private void list(Context ctx) {
        ctx.json(bans.list().stream().map(SipBanView::of).toList());
    }

    private void lift(Context ctx) {
        bans.lift(address(ctx.pathParam("address")), actor(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.ofLiteral(text);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("address", "must be an IPv4 or IPv6 address");
        }
    }
}
