package org.switchboard.api.provisioning;

import static org.switchboard.api.http.BearerAuthFilter.actor;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.provisioning.DeviceHttpAuth;
import org.switchboard.pbx.provisioning.MacAddress;
import org.switchboard.pbx.provisioning.ProvisioningUrlToken;
import org.switchboard.store.db.NotFoundException;

/**
 * The admin routes that say how phones reach their files (under the bearer auth of {@code /api}):
 * the provisioning URL with the installation's token, its rotation, and each device's HTTP digest
 * credentials. Handlers run on virtual threads; the services are thread-safe.
 */
public final class ProvisioningAccessRoutes implements Routes {
    private final ProvisioningUrlToken urlToken;
    private final DeviceHttpAuth httpAuth;
    private final boolean https;

    /** @param https whether the HTTP port also answers HTTPS, so the answers name an {@code https://} URL too */
    public ProvisioningAccessRoutes(ProvisioningUrlToken urlToken, DeviceHttpAuth httpAuth, boolean https) {
        this.urlToken = urlToken;
        this.httpAuth = httpAuth;
        this.https = https;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/provisioning/access", ctx -> ctx.json(access(ctx, urlToken.current())));
        routes.post("/api/provisioning/access/rotate", ctx -> ctx.json(access(ctx, urlToken.rotate(actor(ctx)))));
        routes.post("/api/provisioning/devices/{mac}/http-credentials", this::generate);
        routes.get("/api/provisioning/devices/{mac}/http-credentials", this::credentials);
        routes.delete("/api/provisioning/devices/{mac}/http-credentials", this::remove);
    }

    @Override
    public String openApiResource() {
        return "openapi/provisioning-access.json";
    }

    /**
     * The URL phones are given, with the host and port this request reached (the admin usually
     * reaches the server the way phones do; the panel says to check).
     */
    private ProvisioningAccessView access(Context ctx, String token) {
        String host = ctx.host() == null || ctx.host().isBlank() ? "PBX-ADDRESS" : ctx.host();
        String path = "/provision/" + token + "/";
        return new ProvisioningAccessView(token, "http://" + host + path, https ? "https://" + host + path : null);
    }

    private void generate(Context ctx) {
        DeviceHttpAuth.GeneratedCredentials c = httpAuth.generate(ctx.pathParam("mac"), actor(ctx));
        ctx.status(HttpStatus.CREATED)
                .header("Cache-Control", "no-store")
                .json(new HttpCredentialsView(c.macAddress(), c.username(), c.password(), DeviceHttpAuth.REALM));
    }

    private void credentials(Context ctx) {
        String mac = MacAddress.parse(ctx.pathParam("mac")).hex();
        String username = httpAuth.username(mac).orElseThrow(() -> new NotFoundException("device_http_credentials", mac));
        ctx.json(new HttpCredentialsView(mac, username, null, DeviceHttpAuth.REALM));
    }

    private void remove(Context ctx) {
        httpAuth.remove(ctx.pathParam("mac"), actor(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** The provisioning URL to give phones; {@code httpsUrl} null (absent in JSON) when HTTPS is off. */
    record ProvisioningAccessView(String token, String httpUrl, String httpsUrl) {}

    /** A device's HTTP credentials; the password only in the answer that generated it. */
    record HttpCredentialsView(String macAddress, String username, String password, String realm) {}
}
