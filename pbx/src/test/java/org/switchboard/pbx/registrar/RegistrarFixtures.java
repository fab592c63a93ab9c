package org.switchboard.pbx.registrar;

import java.time.Clock;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.testkit.TestDatabase;

/** Rows the registrar's tables refer to. Test thread only. */
final class RegistrarFixtures {
    private RegistrarFixtures() {}

    /** Creates extensions {@code 2000 .. 2000+count-1}, plus 1001. */
    static void extensions(TestDatabase db, int count) {
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), "pbx.test",
                new Argon2PasswordHasher(64, 1, 1), Clock.systemUTC(), new EventBus());
        extensions.create(new ExtensionInput("1001", "A", "password-1001", null, null, false, true), "test");
        for (int i = 0; i < count; i++) {
            String number = Integer.toString(2000 + i);
            extensions.create(new ExtensionInput(number, "Ext " + number, "password-" + number, null, null, false, true),
                    "test");
        }
    }
}
