package dev.dbsurveyor.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

import java.lang.reflect.Parameter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves {@code @Postgres TestServer} and {@code @MySql TestServer} parameters. A test whose
 * engine cannot be found is skipped with the reason, or fails when the {@code CI} variable is set:
 * in CI a missing engine is an error, not a skip.
 */
public final class TestServerExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestServerExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        for (Parameter parameter : context.getRequiredTestMethod().getParameters()) {
            engineOf(parameter).ifPresent(engine -> {
                ServerLocator.Located located = ServerLocator.locate(engine);
                if (located.endpoint().isEmpty()) {
                    if (inCi()) {
                        throw new AssertionError(located.problem());
                    }
                    throw new TestAbortedException(located.problem());
                }
            });
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestServer.class && engineOf(parameterContext.getParameter()).isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Engine engine = engineOf(parameterContext.getParameter()).orElseThrow();
        return servers(extensionContext).computeIfAbsent(engine,
                e -> new TestServer(ServerLocator.locate(e).endpoint().orElseThrow()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Map<Engine, TestServer> servers = servers(context);
        servers.values().forEach(TestServer::close);
        servers.clear();
    }

    @SuppressWarnings("unchecked")
    private static Map<Engine, TestServer> servers(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent("servers", key -> new EnumMap<Engine, TestServer>(Engine.class), Map.class);
    }

    private static Optional<Engine> engineOf(Parameter parameter) {
        if (parameter.isAnnotationPresent(Postgres.class)) {
            return Optional.of(Engine.POSTGRES);
        }
        if (parameter.isAnnotationPresent(MySql.class)) {
            return Optional.of(Engine.MYSQL);
        }
        return Optional.empty();
    }

    static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }
}
