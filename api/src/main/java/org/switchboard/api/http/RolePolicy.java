package org.switchboard.api.http;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.switchboard.store.admin.AdminRole;

/**
 * Which role may send which request, decided by method and path family in this one place for
 * every {@code /api} route (docs/security.md, "Roles"):
 * <ul>
 *   <li>administrator: everything;</li>
 *   <li>operator: everything except the admin accounts and the login audit ({@code /api/admin},
 *       not even reading), fraud control ({@code /api/fraud}, not even reading), the provisioning access URL ({@code /api/provisioning/access}, which
 *       opens every phone's configuration and SIP password), and changes to the security
 *       settings: SIP bans, digest rules, trunks, outbound and inbound routes and the rates (carrier
 *       credentials, toll fraud: an inbound route may lead straight out again), an extension's
 *       outbound class and budgets ({@code /api/extensions/{number}/outbound}), emergency calling
 *       and the extensions' locations (what emergency services are told);</li>
 *   <li>read_only: reading only, with the same two families closed as for an operator.</li>
 * </ul>
 * Every role may log out and manage its own second factor and API tokens ({@code /api/auth/...}),
 * from a login session ({@link #permitsApiToken}). An API token acts with its scope, never more
 * than its account's role. Stateless; any thread.
 */
public final class RolePolicy {
    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");
    /** One's own session and second factor. */
    private static final List<String> SELF_SERVICE = List.of("/api/auth");
    /** Closed to everyone but administrators, reading included. */
    private static final List<String> ADMINISTRATORS_ONLY = List.of("/api/admin", "/api/provisioning/access",
            "/api/fraud");
    /** Readable by every role, changed by administrators only. */
    private static final List<String> SECURITY_SETTINGS = List.of("/api/sip-bans", "/api/sip/digest-rules", "/api/trunks",
            "/api/outbound-routes", "/api/lcr-rates", "/api/inbound-routes", "/api/emergency");
    /** An extension's outbound class and budgets (toll fraud), under the extensions' family: changed by administrators only. */
    private static final Pattern OUTBOUND_LIMITS = Pattern.compile("/api/extensions/[^/]+/outbound/?");

    /** What only a login session may do, never an API token: its own second factor and tokens. */
    private static final List<String> LOGIN_SESSIONS_ONLY = List.of("/api/auth/mfa", "/api/auth/tokens");

    private RolePolicy() {}

    /**
     * Whether an API token (as opposed to a login session) may use {@code path}: not to manage the
     * account's second factor or tokens, so a leaked script token cannot lock the owner out with a
     * second factor of its own or mint more tokens.
     */
    public static boolean permitsApiToken(String path) {
        return !inFamily(path, LOGIN_SESSIONS_ONLY);
    }

    /** Whether {@code role} may send {@code method} (upper case) to {@code path} (the request path). */
    public static boolean permits(AdminRole role, String method, String path) {
        if (role == AdminRole.ADMINISTRATOR || inFamily(path, SELF_SERVICE)) {
            return true;
        }
        if (inFamily(path, ADMINISTRATORS_ONLY)) {
            return false;
        }
        if (READING.contains(method)) {
            return true;
        }
        return role == AdminRole.OPERATOR && !inFamily(path, SECURITY_SETTINGS) && !OUTBOUND_LIMITS.matcher(path).matches()
                && !isEmergencyLocation(path);
    }

    /** An extension's dispatchable location: what emergency services are told, so a security setting too. */
    private static boolean isEmergencyLocation(String path) {
        return path.startsWith("/api/extensions/") && path.endsWith("/location");
    }

    private static boolean inFamily(String path, List<String> families) {
        return families.stream().anyMatch(f -> path.equals(f) || path.startsWith(f + "/"));
    }
}
