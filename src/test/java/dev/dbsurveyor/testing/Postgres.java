package dev.dbsurveyor.testing;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Injects a {@link TestServer} running PostgreSQL; see {@link TestServerExtension} for how it is found. */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestServerExtension.class)
public @interface Postgres {
}
