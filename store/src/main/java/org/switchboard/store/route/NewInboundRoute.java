package org.switchboard.store.route;

import java.util.regex.Pattern;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * The values an inbound route is saved with. Validates its form on construction ({@link
 * ValidationException} naming the field as the API spells it); whether the destination exists is
 * the service's check. Immutable.
 *
 * @param did the number carriers send (digits, optionally after {@code +}), or {@link #DEFAULT}
 * @param action the destination kind (extension, ring_group, voicemail...)
 * @param target the destination of that kind
 */
public record NewInboundRoute(String did, String action, String target) {
    /** The DID of the route taking numbers no other route names. */
    public static final String DEFAULT = "*";
    private static final Pattern DID = Pattern.compile("\\+?[0-9]{1,31}|\\*");

    public NewInboundRoute {
        did = Fields.required(did, "did").strip();
        Fields.check(DID.matcher(did).matches(), "did", "must be 1-31 digits, optionally after '+', or * for the default");
        action = Fields.required(action, "action").strip();
        Fields.check(action.length() <= 32, "action", "must be at most 32 characters");
        target = Fields.required(target, "target").strip();
        Fields.check(target.length() <= 64, "target", "must be at most 64 characters");
    }
}
