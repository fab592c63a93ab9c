package org.switchboard.store.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test method once on SQLite and once on PostgreSQL, each time with a freshly
 * migrated database injected as a {@link TestDatabase} parameter and dropped afterwards.
 *
 * <pre>{@code
 * @BothEngines
 * void savedExtensionLoads(TestDatabase db) { ... db.database() ... db.restart() ... }
 * }</pre>
 *
 * PostgreSQL comes from {@code SWITCHBOARD_TEST_PG_URL} (see {@link PostgresServer}); when it is
 * unreachable the PostgreSQL run is skipped with a loud message, or fails when {@code CI=true}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(BothEnginesExtension.class)
public @interface BothEngines {}
