package org.switchboard.api.provisioning;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.http.ApiError;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.provisioning.ConfigFetch;
import org.switchboard.pbx.provisioning.ProvisioningRequest;
import org.switchboard.pbx.provisioning.ProvisioningRequestPath;
import org.switchboard.pbx.provisioning.ProvisioningService;

/**
 * Serves phones their configuration files under {@code /provision/}, outside the bearer auth of
 * {@code /api} (phones cannot log in). A device with a static IP is served only to that address;
 * every refusal (unknown name or MAC, wrong address) counts against the client in the
 * {@link ScanThrottle}, and a blocked client gets 429. A refusal is always 404, so a scanner
 * cannot tell a provisioned MAC from an unknown one. Handlers run on virtual threads.
 */
public final class ProvisionFileRoutes implements Routes {
    private static final Logger log = LoggerFactory.getLogger(ProvisionFileRoutes.class);

    private final ProvisioningService service;
    private final ScanThrottle throttle;

    public ProvisionFileRoutes(ProvisioningService service, ScanThrottle throttle) {
        this.service = service;
        this.throttle = throttle;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/provision/{file}", this::serve);
    }

    @Override
    public String openApiResource() {
        return "openapi/provision-files.json";
    }

    private void serve(Context ctx) {
        String client = clientAddress(ctx);
        Optional<Duration> blocked = throttle.blockedFor(client);
        if (blocked.isPresent()) {
            // RFC 9110 §10.2.3: whole seconds, rounded up.
            ctx.header("Retry-After", Long.toString(Math.max(1, (blocked.get().toMillis() + 999) / 1000)));
            ctx.status(HttpStatus.TOO_MANY_REQUESTS)
                    .json(ApiError.of("throttled", "too many unknown provisioning requests; retry later", null, null));
            return;
        }
        String path = ctx.path();
        Optional<ProvisioningRequest> request = ProvisioningRequestPath.parse(path);
        if (request.isEmpty()) {
            refuse(ctx, client, "not a provisioning file name path=" + path);
            return;
        }
        ConfigFetch fetch = switch (request.get()) {
            case ProvisioningRequest.DeviceFile file -> service.fetch(file, parse(client));
            case ProvisioningRequest.CommonFile common -> service.fetchCommon(common);
        };
        switch (fetch) {
            case ConfigFetch.Served served -> {
                log.debug("provisioning file served path={} client={}", path, client);
                // The file holds a SIP password: no cache may keep it.
                ctx.header("Cache-Control", "no-store").contentType(served.file().contentType()).result(served.file().body());
            }
            case ConfigFetch.Unknown u -> refuse(ctx, client, "unknown device path=" + path);
            case ConfigFetch.WrongAddress w -> refuse(ctx, client, "request from an address other than the device's static IP path=" + path);
            case ConfigFetch.NotRenderable n -> {
                log.error("provisioning file cannot be rendered path={} client={} reason={}", path, client, n.reason());
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .json(ApiError.of("unavailable", "the file cannot be made now; see the server log", null, null));
            }
        }
    }

    private void refuse(Context ctx, String client, String why) {
        boolean startedBlock = throttle.miss(client);
        log.info("provisioning request refused client={} {}", client, why);
        if (startedBlock) {
            log.warn("provisioning client blocked after repeated unknown requests client={}", client);
        }
        ctx.status(HttpStatus.NOT_FOUND).json(ApiError.of("not_found", "no such provisioning file", null, null));
    }

    private static String clientAddress(Context ctx) {
        String ip = ctx.req().getRemoteAddr();
        if (ip.startsWith("[") && ip.endsWith("]")) {
            ip = ip.substring(1, ip.length() - 1);
        }
        return ip;
    }

    private static InetAddress parse(String ip) {
        // The servlet container gives a numeric address; ofLiteral never does a name lookup.
        return ip.contains(":") ? Inet6Address.ofLiteral(ip) : Inet4Address.ofLiteral(ip);
    }
}
