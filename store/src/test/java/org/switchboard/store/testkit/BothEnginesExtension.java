package org.switchboard.store.testkit;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.switchboard.store.db.Engine;

/**
 * The JUnit 5 extension behind {@link BothEngines}: one invocation per {@link Engine}, each with
 * its own {@link TestDatabase} that is closed (and, on PostgreSQL, dropped) after the invocation.
 * JUnit calls it from its test threads; it keeps no state of its own beyond the JUnit store.
 */
final class BothEnginesExtension implements TestTemplateInvocationContextProvider {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BothEnginesExtension.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.isAnnotationPresent(BothEngines.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(Engine.values()).map(EngineInvocation::new);
    }

    private record EngineInvocation(Engine engine) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + engine.name().toLowerCase(Locale.ROOT) + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new DatabaseProvider(engine));
        }
    }

    /** Opens the invocation's database before the test (so a missing PostgreSQL skips it early) and injects it. */
    private record DatabaseProvider(Engine engine) implements BeforeEachCallback, ParameterResolver {
        @Override
        public void beforeEach(ExtensionContext context) {
            database(context);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return database(context);
        }

        private TestDatabase database(ExtensionContext context) {
            return context.getStore(NAMESPACE).getOrComputeIfAbsent(
                    TestDatabase.class, key -> TestDatabases.open(engine), TestDatabase.class);
        }
    }
}
