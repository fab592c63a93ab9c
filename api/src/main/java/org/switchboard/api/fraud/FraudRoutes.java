package org.switchboard.api.fraud;

import static org.switchboard.api.http.BearerAuthFilter.actor;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.Optional;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.fraud.DailyUsage;
import org.switchboard.pbx.fraud.FraudService;
import org.switchboard.pbx.fraud.Money;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.fraud.BlockedPattern;
import org.switchboard.store.fraud.ExtensionLimits;

/**
 * Fraud control over HTTP: {@code GET|PUT /api/fraud/settings}, {@code GET|POST /api/fraud/patterns},
 * {@code PUT|DELETE /api/fraud/patterns/{id}}, {@code GET /api/fraud/events} (newest first;
 * {@code extension}, {@code limit} 1-500, default 100) and an extension's class and limits, {@code
 * GET|PUT|DELETE /api/extensions/{number}/outbound} (DELETE: back to the defaults). The SIP bans
 * the fraud page shows are {@code /api/sip-bans}. Handlers run on virtual threads; the service is
 * thread-safe.
 */
public final class FraudRoutes implements Routes {
    private static final String FRAUD = "/api/fraud";
    private static final String OUTBOUND = "/api/extensions/{number}/outbound";
    private static final int MAX_EVENTS = 500;

    private final FraudService fraud;
    private final DailyUsage usage;
    private final InstantSource clock;

    public FraudRoutes(FraudService fraud, DailyUsage usage, InstantSource clock) {
        this.fraud = fraud;
        this.usage = usage;
        this.clock = clock;
    }

    @Override
    public void register(JavalinDefaultRoutingApi api) {
        api.get(FRAUD + "/settings", ctx -> ctx.json(FraudSettingsBody.of(fraud.settings())));
        api.put(FRAUD + "/settings", ctx -> ctx.json(FraudSettingsBody.of(
                fraud.saveSettings(Json.read(ctx, FraudSettingsBody.class).toSettings(), actor(ctx)))));
        api.get(FRAUD + "/patterns", ctx -> ctx.json(fraud.patterns().stream().map(BlockedPatternView::of).toList()));
        api.post(FRAUD + "/patterns", this::createPattern);
        api.put(FRAUD + "/patterns/{id}", ctx -> {
            long id = id(ctx);
            ctx.json(BlockedPatternView.of(fraud.updatePattern(id, Json.read(ctx, BlockedPatternBody.class).toPattern(),
                    actor(ctx))));
        });
        api.delete(FRAUD + "/patterns/{id}", ctx -> {
            fraud.deletePattern(id(ctx), actor(ctx));
            ctx.status(HttpStatus.NO_CONTENT);
        });
        api.get(FRAUD + "/events", ctx -> ctx.json(fraud.events(Optional.ofNullable(ctx.queryParam("extension")),
                limit(ctx.queryParam("limit")))));
        api.get(OUTBOUND, ctx -> ctx.json(view(ctx.pathParam("number"), fraud.limits(ctx.pathParam("number")))));
        api.put(OUTBOUND, ctx -> {
            String number = ctx.pathParam("number");
            ExtensionLimits saved = fraud.saveLimits(Json.read(ctx, OutboundLimitsBody.class).toLimits(number), actor(ctx));
            ctx.json(view(number, Optional.of(saved)));
        });
        api.delete(OUTBOUND, ctx -> {
            fraud.deleteLimits(ctx.pathParam("number"), actor(ctx));
            ctx.status(HttpStatus.NO_CONTENT);
        });
    }

    @Override
    public String openApiResource() {
        return "openapi/fraud.json";
    }

    private void createPattern(Context ctx) {
        BlockedPattern saved = fraud.createPattern(Json.read(ctx, BlockedPatternBody.class).toPattern(), actor(ctx));
        ctx.status(HttpStatus.CREATED).header("Location", FRAUD + "/patterns/" + saved.id())
                .json(BlockedPatternView.of(saved));
    }

    private OutboundLimitsBody.View view(String number, Optional<ExtensionLimits> own) {
        return new OutboundLimitsBody.View(number, own.isPresent(), own.map(l -> l.permission().wireName()).orElse(null),
                own.map(ExtensionLimits::dailySpendMicros).map(m -> new BigDecimal(Money.text(m))).orElse(null),
                own.map(ExtensionLimits::dailyMinutes).orElse(null),
                own.map(ExtensionLimits::maxInternationalCalls).orElse(null),
                OutboundLimitsBody.Effective.of(fraud.snapshot().limitsOf(number)),
                OutboundLimitsBody.Today.of(usage.today(number, clock.instant())));
    }

    private static int limit(String text) {
        if (text == null) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_EVENTS) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // the same answer as a number out of range
        }
        throw new ValidationException("limit", "must be a number from 1 to " + MAX_EVENTS);
    }

    private static long id(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NotFoundException("blocked pattern", text);
        }
    }
}
