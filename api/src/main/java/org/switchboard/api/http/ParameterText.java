package org.switchboard.api.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.switchboard.store.db.ControlCharacters;
import org.switchboard.store.db.ValidationException;

/**
 * Refuses a control character in any query or path parameter of a matched route, the way
 * {@link Json} refuses one in a body field: one check for every route, 400 naming the parameter.
 * Stateless; runs on the request's thread.
 */
final class ParameterText {
    private ParameterText() {}

    /** Before-matched handler: throws {@link ValidationException} for the first offending parameter. */
    static void check(Context ctx) {
        for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
            requireClean(param.getKey(), param.getKey());
            for (String value : param.getValue()) {
                requireClean(param.getKey(), value);
            }
        }
        ctx.pathParamMap().forEach(ParameterText::requireClean);
    }

    private static void requireClean(String name, String value) {
        if (ControlCharacters.containsAny(value)) {
            // The name itself may be the offender; it is escaped so the answer shows what was sent.
            throw new ValidationException(ControlCharacters.escape(name), ControlCharacters.MESSAGE);
        }
    }
}
