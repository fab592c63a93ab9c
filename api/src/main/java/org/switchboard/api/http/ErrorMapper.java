package org.switchboard.api.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.admin.InvalidCredentialsException;
import org.switchboard.pbx.admin.InvalidSecondFactorException;
import org.switchboard.pbx.admin.MfaRequiredException;
import org.switchboard.pbx.admin.LoginThrottledException;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.StorageFullException;
import org.switchboard.store.db.UnavailableException;
import org.switchboard.store.db.ValidationException;

/**
 * The one place where exceptions become HTTP answers with the body
 * {@code {"error":{"code","message","field"}}}. Typed exceptions map to 400/401 (with {@code mfa_required} or {@code invalid_mfa} for the second factor)/403/404/409/429/503
 * (with {@code Retry-After})/507 (the database's disk is full);
 * anything else is a 500 whose body carries only the request id, the stack trace goes to the log.
 * Handlers run on the request's thread.
 */
public final class ErrorMapper {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    /** How long a client should wait before retrying during an outage: a few of the database's probe intervals. */
    static final long RETRY_AFTER_SECONDS = 5;

    private ErrorMapper() {}

    /** Installs the exception handlers. */
    public static void install(JavalinDefaultRoutingApi routes) {
        routes.exception(ValidationException.class, (e, ctx) ->
                write(ctx, HttpStatus.BAD_REQUEST, "validation", e.getMessage(), e.field()));
        routes.exception(NotFoundException.class, (e, ctx) ->
                write(ctx, HttpStatus.NOT_FOUND, "not_found", e.getMessage(), null));
        routes.exception(ConflictException.class, (e, ctx) ->
                write(ctx, HttpStatus.CONFLICT, "conflict", e.getMessage(), e.field()));
        // The database logs one line when a fault begins and one when it ends (DatabaseFaults); a
        // line per refused request would bury them under an outage's load.
        routes.exception(UnavailableException.class, (e, ctx) -> {
            log.debug("database unavailable method={} path={} cause={}", ctx.method(), ctx.path(), e.getMessage());
            ctx.header("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
            write(ctx, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "the database is unavailable; nothing was changed", null);
        });
        routes.exception(StorageFullException.class, (e, ctx) -> {
            log.debug("database disk full method={} path={}", ctx.method(), ctx.path());
            write(ctx, HttpStatus.INSUFFICIENT_STORAGE, "storage_full",
                    "the disk holding the database is full; nothing was changed", null);
        });
        routes.exception(LoginThrottledException.class, (e, ctx) -> {
            // RFC 9110 §10.2.3: Retry-After in whole seconds, rounded up so the client never retries early.
            long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
            write(ctx, HttpStatus.TOO_MANY_REQUESTS, "throttled", "too many failed logins; retry later", null);
        });
        routes.exception(InvalidCredentialsException.class, (e, ctx) -> unauthorized(ctx, "invalid username or password"));
        routes.exception(UnauthorizedException.class, (e, ctx) -> unauthorized(ctx, e.getMessage()));
        routes.exception(MfaRequiredException.class, (e, ctx) -> write(ctx, HttpStatus.UNAUTHORIZED, "mfa_required", e.getMessage(), "totp"));
        routes.exception(InvalidSecondFactorException.class, (e, ctx) ->
                write(ctx, HttpStatus.UNAUTHORIZED, "invalid_mfa", e.getMessage(), "totp"));
        routes.exception(ForbiddenException.class, (e, ctx) -> write(ctx, HttpStatus.FORBIDDEN, "forbidden", e.getMessage(), null));
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            HttpStatus status = HttpStatus.forStatus(e.getStatus());
            write(ctx, status, codeFor(status), e.getMessage(), null);
        });
        routes.exception(Exception.class, (e, ctx) -> {
            String requestId = RequestIds.of(ctx);
            log.error("unhandled error method={} path={}", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .json(ApiError.of("internal", "internal error; quote the request id when reporting it", null, requestId));
        });
    }

    private static void unauthorized(Context ctx, String message) {
        // RFC 6750 §3: a protected resource names the scheme it expects.
        ctx.header("WWW-Authenticate", "Bearer realm=\"switchboard\"");
        write(ctx, HttpStatus.UNAUTHORIZED, "unauthorized", message, null);
    }

    private static void write(Context ctx, HttpStatus status, String code, String message, String field) {
        ctx.status(status).json(ApiError.of(code, message, field, null));
    }

    /** The machine-readable {@code code} for an HTTP status. */
    static String codeFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case BAD_REQUEST -> "bad_request";
            case CONTENT_TOO_LARGE -> "too_large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
            default -> status.getMessage().toLowerCase(Locale.ROOT).replace(' ', '_');
        };
    }
}
