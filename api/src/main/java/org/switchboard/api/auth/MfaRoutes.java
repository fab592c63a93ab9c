package org.switchboard.api.auth;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import org.switchboard.api.http.BearerAuthFilter;
import org.switchboard.api.http.Json;
import org.switchboard.api.http.Routes;
import org.switchboard.api.http.UnauthorizedException;
import org.switchboard.pbx.admin.MfaStatus;
import org.switchboard.pbx.admin.TotpEnrolment;
import org.switchboard.pbx.admin.TotpService;
import org.switchboard.store.db.Fields;

/**
 * The logged-in admin's own second factor: its status, TOTP enrolment and its confirmation (which
 * answers the one-time recovery codes). Open to every role (it concerns only the caller's
 * account). Handlers run on virtual threads; the service is thread-safe.
 */
public final class MfaRoutes implements Routes {
    private final TotpService totp;

    public MfaRoutes(TotpService totp) {
        this.totp = totp;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/auth/mfa", this::status);
        routes.post("/api/auth/mfa/totp", this::enrol);
        routes.post("/api/auth/mfa/totp/confirm", this::confirm);
    }

    @Override
    public String openApiResource() {
        return "openapi/mfa.json";
    }

    /** Request body of the confirmation: the first code the app shows. */
    public record CodeBody(String code) {
        public CodeBody {
            code = Fields.required(code, "code");
        }
    }

    /** The account's second factor. */
    public record StatusView(boolean totpEnabled, boolean totpPending, int recoveryCodesLeft) {
        static StatusView of(MfaStatus s) {
            return new StatusView(s.totpEnabled(), s.totpPending(), s.recoveryCodesLeft());
        }
    }

    /** A new secret, shown once; {@link #toString()} hides it. */
    public record EnrolmentView(String secret, String otpauthUri) {
        @Override
        public String toString() {
            return "EnrolmentView[secret=***]";
        }
    }

    /** The recovery codes, shown once. */
    public record RecoveryCodesView(List<String> recoveryCodes) {
        @Override
        public String toString() {
            return "RecoveryCodesView[" + recoveryCodes.size() + " codes]";
        }
    }

    private void status(Context ctx) {
        ctx.json(StatusView.of(totp.status(username(ctx))));
    }

    private void enrol(Context ctx) {
        TotpEnrolment e = totp.enrol(username(ctx));
        ctx.json(new EnrolmentView(e.secret(), e.otpauthUri()));
    }

    private void confirm(Context ctx) {
        CodeBody body = Json.read(ctx, CodeBody.class);
        ctx.json(new RecoveryCodesView(totp.confirm(username(ctx), body.code())));
    }

    private static String username(Context ctx) {
        // The auth filter has run for every /api route but login: a session is there.
        return BearerAuthFilter.session(ctx).orElseThrow(() -> new UnauthorizedException("a bearer token is required")).username();
    }
}
