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
import org.switchboard.pbx.provisioning.DeviceHttpAuth;
import org.switchboard.pbx.provisioning.HttpAuthVerdict;
import org.switchboard.pbx.provisioning.PhoneDirectory;
import org.switchboard.pbx.provisioning.ProvisioningRequest;
import org.switchboard.pbx.provisioning.ProvisioningRequestPath;
import org.switchboard.pbx.provisioning.ProvisioningService;
import org.switchboard.pbx.provisioning.ProvisioningUrlToken;

/**
 * Serves phones their configuration files under {@code /provision/<token>/<file>}, outside the
 * bearer auth of {@code /api} (phones cannot log in). The checks, in order: a client blocked by
 * the {@link ScanThrottle} gets 429; a wrong or missing URL token, an unknown file name or MAC, a
 * file name of another vendor, and a request from an address other than the device's static IP
 * all get the same 404 (a scanner cannot tell which); a device with HTTP credentials is challenged
 * (401, RFC 7616) until the request proves its password. Every 404 and every wrong password
 * counts against the client in the throttle. With {@code httpsOnly}, a request over plain HTTP
 * gets the same 404 (the file would cross the network in clear). Handlers run on virtual threads.
 */
public final class ProvisionFileRoutes implements Routes {
    private static final Logger log = LoggerFactory.getLogger(ProvisionFileRoutes.class);

    private final ProvisioningService service;
    private final ProvisioningUrlToken urlToken;
    private final DeviceHttpAuth httpAuth;
    private final ScanThrottle throttle;
    private final boolean httpsOnly;
    private final PhoneDirectory directory;

    /**
     * @param httpsOnly whether files are refused to requests over plain HTTP
     * @param directory the company phone book as phones read it
     */
    public ProvisionFileRoutes(ProvisioningService service, ProvisioningUrlToken urlToken, DeviceHttpAuth httpAuth,
                               ScanThrottle throttle, boolean httpsOnly, PhoneDirectory directory) {
        this.service = service;
        this.directory = directory;
        this.urlToken = urlToken;
        this.httpAuth = httpAuth;
        this.throttle = throttle;
        this.httpsOnly = httpsOnly;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/provision/{token}/{file}", this::serve);
        // The MAC-only form of earlier versions: refused like any wrong token, and counted.
        routes.get("/provision/{file}", ctx -> {
            String client = clientAddress(ctx);
            if (!throttled(ctx, client)) {
                refuse(ctx, client, "no url token path=" + ctx.path());
            }
        });
    }

    @Override
    public String openApiResource() {
        return "openapi/provision-files.json";
    }

    private void serve(Context ctx) {
        String client = clientAddress(ctx);
        if (throttled(ctx, client)) {
            return;
        }
        String path = ctx.path();
        String afterPrefix = path.substring(ProvisioningRequestPath.PREFIX.length());
        int slash = afterPrefix.indexOf('/');
        String token = afterPrefix.substring(0, slash);
        String fileName = afterPrefix.substring(slash + 1);
        if (!urlToken.matches(token)) {
            // The token is never logged: a log reader must not learn it from a near miss.
            refuse(ctx, client, "wrong url token file=" + fileName);
            return;
        }
        if (httpsOnly && !ctx.scheme().equals("https")) {
            refuse(ctx, client, "plain http while provisioning.https_only is on file=" + fileName);
            return;
        }
        Optional<ProvisioningRequest> request = ProvisioningRequestPath.parse(ProvisioningRequestPath.PREFIX + fileName);
        if (request.isEmpty()) {
            refuse(ctx, client, "not a provisioning file name file=" + fileName);
            return;
        }
        switch (request.get()) {
            case ProvisioningRequest.DeviceFile file -> {
                if (authorized(ctx, client, file, fileName)) {
                    String folder = ctx.scheme() + "://" + ctx.host() + ProvisioningRequestPath.PREFIX + token + "/";
                    answer(ctx, client, service.fetch(file, parse(client), folder), fileName);
                }
            }
            case ProvisioningRequest.CommonFile common -> answer(ctx, client, service.fetchCommon(common), fileName);
            case ProvisioningRequest.Directory book -> answer(ctx, client, new ConfigFetch.Served(directory.render(book.vendor())), fileName);
        }
    }

    /** Whether the device's HTTP credentials (if it has any) are proven; otherwise answers 401. */
    private boolean authorized(Context ctx, String client, ProvisioningRequest.DeviceFile file, String fileName) {
        String target = ctx.queryString() == null ? ctx.req().getRequestURI() : ctx.req().getRequestURI() + "?" + ctx.queryString();
        HttpAuthVerdict verdict = httpAuth.check(file.mac(), ctx.method().name(), target,
                Optional.ofNullable(ctx.header("Authorization")), parse(client));
        return switch (verdict) {
            case HttpAuthVerdict.NotRequired n -> true;
            case HttpAuthVerdict.Granted g -> true;
            case HttpAuthVerdict.Challenge challenge -> {
                if (challenge.failedAttempt()) {
                    countMiss(client, "wrong http credentials file=" + fileName + " reason=" + challenge.reason());
                }
                for (String value : challenge.wwwAuthenticate()) {
                    ctx.res().addHeader("WWW-Authenticate", value);
                }
                ctx.status(HttpStatus.UNAUTHORIZED)
                        .json(ApiError.of("unauthorized", "this file needs the phone's provisioning credentials", null, null));
                yield false;
            }
        };
    }

    private void answer(Context ctx, String client, ConfigFetch fetch, String fileName) {
        switch (fetch) {
            case ConfigFetch.Served served -> {
                log.debug("provisioning file served file={} client={}", fileName, client);
                // The file holds a SIP password: no cache may keep it.
                ctx.header("Cache-Control", "no-store").contentType(served.file().contentType()).result(served.file().body());
            }
            case ConfigFetch.Unknown u -> refuse(ctx, client, "unknown device file=" + fileName);
            case ConfigFetch.WrongAddress w -> refuse(ctx, client, "request from an address other than the device's static IP file=" + fileName);
            case ConfigFetch.NotRenderable n -> {
                log.error("provisioning file cannot be rendered file={} client={} reason={}", fileName, client, n.reason());
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .json(ApiError.of("unavailable", "the file cannot be made now; see the server log", null, null));
            }
        }
    }

    /** Answers 429 when the client is blocked; returns whether it did. */
    private boolean throttled(Context ctx, String client) {
        Optional<Duration> blocked = throttle.blockedFor(client);
        if (blocked.isEmpty()) {
            return false;
        }
        // RFC 9110 §10.2.3: whole seconds, rounded up.
        ctx.header("Retry-After", Long.toString(Math.max(1, (blocked.get().toMillis() + 999) / 1000)));
        ctx.status(HttpStatus.TOO_MANY_REQUESTS)
                .json(ApiError.of("throttled", "too many unknown provisioning requests; retry later", null, null));
        return true;
    }

    private void refuse(Context ctx, String client, String why) {
        countMiss(client, why);
        ctx.status(HttpStatus.NOT_FOUND).json(ApiError.of("not_found", "no such provisioning file", null, null));
    }

    private void countMiss(String client, String why) {
        boolean startedBlock = throttle.miss(client);
        log.info("provisioning request refused client={} {}", client, why);
        if (startedBlock) {
            log.warn("provisioning client blocked after repeated unknown requests client={}", client);
        }
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
