package org.switchboard.pbx.routing;

import java.util.regex.Pattern;
import org.switchboard.store.db.Fields;

/**
 * Built-in kind {@code extension}: the target (digits and group references) gives an extension
 * number, which rings if it exists and is enabled (404 if unknown, 480 if disabled). Immutable;
 * reads the extension cache.
 */
final class ExtensionKind implements DestinationKind {
    static final String NAME = "extension";
    // Digits and $n references only (the references are checked against the pattern by RuleCheck).
    private static final Pattern EXTENSION_TEXT = Pattern.compile("([0-9]|\\$[0-9]+)+");

    private final ExtensionDirectory extensions;

    ExtensionKind(ExtensionDirectory extensions) {
        this.extensions = extensions;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "rings the extension the target names (digits and group references such as $0)";
    }

    @Override
    public void checkTarget(String target) {
        Fields.check(EXTENSION_TEXT.matcher(target).matches(), "target",
                "must be digits and group references such as $0 or $1");
    }

    @Override
    public Route decide(RuleMatch match) {
        String n = match.target();
        return extensions.isEnabled(n)
                .<Route>map(enabled -> enabled
                        ? new Route.ToExtension(n)
                        // RFC 3261 §21.4.18: the callee exists but cannot be reached now.
                        : new Route.Rejected("extension " + n + " is disabled", 480))
                .orElseGet(() -> new Route.Rejected("no extension " + n, 404));
    }
}
