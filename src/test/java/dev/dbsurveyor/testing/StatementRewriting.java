package dev.dbsurveyor.testing;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A connection factory decorator for tests that rewrites each statement string the collector
 * sends, to make a chosen catalog read slow or wrong on a real server.
 */
public final class StatementRewriting {

    private StatementRewriting() {
    }

    /** A decorator that rewrites each statement string the collector sends; {@code rewrites} counts those it changed. */
    public static UnaryOperator<ConnectionFactory> rewriting(UnaryOperator<String> rewrite, AtomicInteger rewrites) {
        return factory -> (ConnectionFactory) Proxy.newProxyInstance(StatementRewriting.class.getClassLoader(),
                new Class<?>[]{ConnectionFactory.class}, (proxy, method, args) -> {
                    Object result = invoke(factory, method, args);
                    return method.getName().equals("create")
                            ? Mono.from((org.reactivestreams.Publisher<? extends Connection>) result).map(connection -> rewritingConnection(connection, rewrite, rewrites))
                            : result;
                });
    }

    private static Connection rewritingConnection(Connection connection, UnaryOperator<String> rewrite, AtomicInteger rewrites) {
        return (Connection) Proxy.newProxyInstance(StatementRewriting.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createStatement")) {
                        String rewritten = rewrite.apply((String) args[0]);
                        if (!rewritten.equals(args[0])) {
                            rewrites.incrementAndGet();
                        }
                        return connection.createStatement(rewritten);
                    }
                    return invoke(connection, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    public static UnaryOperator<ConnectionFactory> rewriting(UnaryOperator<String> rewrite) {
        return rewriting(rewrite, new AtomicInteger());
    }
}
