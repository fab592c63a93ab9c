package org.switchboard.store.provisioning;

import java.util.regex.Pattern;
import org.switchboard.store.db.Fields;

/** Shape checks shared by the provisioning records, matching the V010/V011 column limits; stateless. */
final class ProvisioningColumns {
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{12}");

    private ProvisioningColumns() {}

    static String mac(String mac) {
        Fields.check(mac != null && MAC.matcher(mac).matches(), "mac_address", "must be 12 lower-case hex digits");
        return mac;
    }

    static String text(String value, String field, int maxLength) {
        String v = Fields.required(value, field);
        Fields.check(v.length() <= maxLength, field, "must be at most " + maxLength + " characters");
        return v;
    }

    /** Null stays null (the column is optional); blank becomes null. */
    static String optional(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(value, field, maxLength);
    }
}
