package dev.dbsurveyor.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Starts one {@link HeadlessChromium} per test class and hands it to the tests' parameters of that
 * type; JUnit closes it after the class. Without the binaries each test is skipped with the
 * reason, or fails when the {@code CI} variable is set, as a test of a missing database engine does.
 */
public final class HeadlessChromiumExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HeadlessChromiumExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        HeadlessChromium.Located located = HeadlessChromium.Binaries.locate();
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        store.put(HeadlessChromium.Located.class, located);
        located.binaries().ifPresent(binaries -> store.put(HeadlessChromium.class, HeadlessChromium.start(binaries)));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        HeadlessChromium.Located located = context.getStore(NAMESPACE).get(HeadlessChromium.Located.class, HeadlessChromium.Located.class);
        if (located.binaries().isEmpty()) {
            if (TestServerExtension.inCi()) {
                throw new AssertionError(located.problem());
            }
            throw new TestAbortedException(located.problem());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == HeadlessChromium.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return extensionContext.getStore(NAMESPACE).get(HeadlessChromium.class, HeadlessChromium.class);
    }
}
