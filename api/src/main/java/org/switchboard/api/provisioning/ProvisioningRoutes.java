package org.switchboard.api.provisioning;

import static org.switchboard.api.http.BearerAuthFilter.actor;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.provisioning.ImportMode;
import org.switchboard.pbx.provisioning.ImportReport;
import org.switchboard.pbx.provisioning.PhoneLookup;
import org.switchboard.pbx.provisioning.ProvisioningService;
import org.switchboard.pbx.provisioning.ProvisioningUrlToken;
import org.switchboard.pbx.provisioning.RenderedFile;
import org.switchboard.pbx.provisioning.SavedDevice;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.provisioning.ProvisionedDevice;

/**
 * The admin REST routes of provisioning (under the bearer auth of {@code /api}), translating to
 * {@link ProvisioningService} calls; the service holds every rule. Handlers run on virtual
 * threads; the service is thread-safe.
 */
public final class ProvisioningRoutes implements Routes {
    private final ProvisioningService service;
    private final ProvisioningUrlToken urlToken;

    public ProvisioningRoutes(ProvisioningService service, ProvisioningUrlToken urlToken) {
        this.service = service;
        this.urlToken = urlToken;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/api/provisioning/devices", this::save);
        routes.get("/api/provisioning/devices", this::list);
        routes.post("/api/provisioning/devices/import", this::importCsv);
        routes.get("/api/provisioning/devices/{mac}", this::get);
        routes.delete("/api/provisioning/devices/{mac}", this::delete);
        routes.post("/api/provisioning/devices/{mac}/static-ip", this::staticIp);
        routes.get("/api/provisioning/devices/{mac}/config", this::config);
        routes.get("/api/registered-phones", this::registeredPhones);
        routes.get("/api/phone-lookup/{mac_or_ip}", this::lookup);
    }

    @Override
    public String openApiResource() {
        return "openapi/provisioning.json";
    }

    private void save(Context ctx) {
        DeviceBody body = Json.read(ctx, DeviceBody.class);
        SavedDevice saved = service.save(body.toInput(), actor(ctx));
        ctx.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .header("Location", "/api/provisioning/devices/" + saved.device().macAddress())
                .json(view(saved.device()));
    }

    private void list(Context ctx) {
        ctx.json(service.list().stream().map(this::view).toList());
    }

    private void get(Context ctx) {
        ctx.json(view(service.get(ctx.pathParam("mac"))));
    }

    private void delete(Context ctx) {
        service.delete(ctx.pathParam("mac"), actor(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void staticIp(Context ctx) {
        StaticIpBody body = Json.read(ctx, StaticIpBody.class);
        ProvisionedDevice saved = service.setStaticIp(ctx.pathParam("mac"), body.staticIp(), actor(ctx));
        String message = saved.staticIp() == null
                ? "Static IP cleared for device " + saved.macAddress()
                : "Static IP " + saved.staticIp() + " set for device " + saved.macAddress();
        ctx.json(Map.of("success", true, "message", message));
    }

    private void importCsv(Context ctx) {
        ImportMode mode = ImportMode.parse(ctx.queryParam("mode"));
        ImportReport report = service.importCsv(ctx.body(), mode, actor(ctx));
        // RFC 9110 §15.5.21: the request was understood but its content could not be processed.
        ctx.status(report.committed() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).json(ImportView.of(report));
    }

    private void config(Context ctx) {
        RenderedFile file = service.render(ctx.pathParam("mac"));
        ctx.header("Cache-Control", "no-store").contentType(file.contentType()).result(file.body());
    }

    private void registeredPhones(Context ctx) {
        ctx.json(service.registeredPhones().stream().map(RegisteredPhoneView::of).toList());
    }

    private void lookup(Context ctx) {
        PhoneLookup lookup = service.lookup(ctx.pathParam("mac_or_ip"));
        if (!lookup.found()) {
            throw new NotFoundException("phone", lookup.query());
        }
        ctx.json(PhoneLookupView.of(lookup, urlToken.current()));
    }

    private DeviceView view(ProvisionedDevice device) {
        return DeviceView.of(device, urlToken.current());
    }
}
