package org.switchboard.api.webhook;

import static org.switchboard.api.http.BearerAuthFilter.actor;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.webhook.WebhookService;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.webhook.Delivery;

/**
 * Webhooks over HTTP: {@code GET|POST /api/webhooks}, {@code GET|PUT|DELETE /api/webhooks/{id}},
 * the delivery log {@code GET /api/webhooks/{id}/deliveries} and a re-send {@code POST
 * /api/webhooks/{id}/deliveries/{delivery}/resend}, translating to {@link WebhookService} calls.
 * Handlers run on virtual threads; the service is thread-safe.
 */
public final class WebhookRoutes implements Routes {
    private static final String PATH = "/api/webhooks";
    private static final int DEFAULT_LOG = 100;

    private final WebhookService webhooks;
    private final Runnable wake;

    /** @param wake called after a re-send is queued, so it is sent now rather than at the next look */
    public WebhookRoutes(WebhookService webhooks, Runnable wake) {
        this.webhooks = webhooks;
        this.wake = wake;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(PATH, this::list);
        routes.post(PATH, this::create);
        routes.get(PATH + "/{id}", this::get);
        routes.put(PATH + "/{id}", this::update);
        routes.delete(PATH + "/{id}", this::delete);
        routes.get(PATH + "/{id}/deliveries", this::deliveries);
        routes.post(PATH + "/{id}/deliveries/{delivery}/resend", this::resend);
    }

    @Override
    public String openApiResource() {
        return "openapi/webhooks.json";
    }

    private void list(Context ctx) {
        ctx.json(webhooks.list().stream().map(WebhookView::of).toList());
    }

    private void get(Context ctx) {
        ctx.json(WebhookView.of(webhooks.get(id(ctx, "id", "webhook"))));
    }

    private void create(Context ctx) {
        WebhookBody body = Json.read(ctx, WebhookBody.class);
        WebhookService.Created created = webhooks.create(body.toInput(), actor(ctx));
        ctx.status(HttpStatus.CREATED).header("Location", PATH + "/" + created.webhook().id())
                .json(WebhookView.withSecret(created.webhook(), created.generatedSecret().orElse(null)));
    }

    private void update(Context ctx) {
        long id = id(ctx, "id", "webhook");
        WebhookBody body = Json.read(ctx, WebhookBody.class);
        ctx.json(WebhookView.of(webhooks.update(id, body.toInput(), actor(ctx))));
    }

    private void delete(Context ctx) {
        webhooks.delete(id(ctx, "id", "webhook"), actor(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void deliveries(Context ctx) {
        long id = id(ctx, "id", "webhook");
        ctx.json(webhooks.deliveries(id, limit(ctx)).stream().map(DeliveryView::of).toList());
    }

    private void resend(Context ctx) {
        long id = id(ctx, "id", "webhook");
        Delivery queued = webhooks.resend(id, id(ctx, "delivery", "delivery"), actor(ctx));
        wake.run();
        ctx.status(HttpStatus.ACCEPTED).json(DeliveryView.of(queued));
    }

    private static int limit(Context ctx) {
        String text = ctx.queryParam("limit");
        if (text == null) {
            return DEFAULT_LOG;
        }
        if (!text.matches("[0-9]{1,4}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > WebhookService.MAX_LOG) {
            throw new ValidationException("limit", "must be between 1 and " + WebhookService.MAX_LOG);
        }
        return Integer.parseInt(text);
    }

    /** A numeric path id; anything else names nothing that exists. */
    private static long id(Context ctx, String param, String entity) {
        String text = ctx.pathParam(param);
        if (!text.matches("[0-9]{1,18}")) {
            throw new NotFoundException(entity, text);
        }
        return Long.parseLong(text);
    }
}
