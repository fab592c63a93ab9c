package org.switchboard.server.wiring;

import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;

/**
 * Subscribes a module's cache reload to extension changes, for the caches that decide with
 * extension data. Lossless: a missed reload would leave a stale cache until the next change.
 * Stateless.
 */
final class ExtensionChanges {
    private ExtensionChanges() {}

    static void follow(EventBus events, String module, Runnable reload) {
        events.subscribe(module + "-extension-changes", EventBus.Delivery.LOSSLESS, 256, event -> {
            if (event instanceof ConfigChanged changed && changed.entity().equals("extension")) {
                reload.run();
            }
        });
    }
}
