package dev.dbsurveyor.adapter.postgres;

import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.AttributeRow;
import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.EnumeratedRow;
import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.ParameterRow;
import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.ServerRow;
import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.TypeRef;
import dev.dbsurveyor.testing.NonBlockingGuard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every catalog row type reads on an event loop with no deserializer left to build there (BlockHound fails one that is). */
class CatalogJsonTest {

    @BeforeAll
    static void installGuard() {
        NonBlockingGuard.install();
        CatalogJson.prepare();
    }

    @Test
    void everyRowTypeReadsOnANonBlockingThread() {
        Mono<List<Object>> reads = Mono.fromCallable(() -> List.<Object>of(
                CatalogJson.rows("[{\"name\":\"a\",\"type\":{\"name\":\"int4\"}}]", ParameterRow.class),
                CatalogJson.rows("[{\"name\":\"b\"}]", AttributeRow.class),
                CatalogJson.rows("[{\"name\":\"shop\"}]", EnumeratedRow.class),
                CatalogJson.rows("[\"label\"]", String.class),
                CatalogJson.row("{\"name\":\"text\",\"builtin\":true}", TypeRef.class),
                CatalogJson.row("{\"version\":\"15\",\"databases\":3}", ServerRow.class)))
                .subscribeOn(Schedulers.parallel());

        StepVerifier.create(reads)
                .assertNext(rows -> assertThat(rows).hasSize(6).doesNotContainNull())
                .verifyComplete();
    }

    @Test
    void aTypeWithNoReaderMadeIsRefusedAtOnce() {
        assertThatThrownBy(() -> CatalogJson.row("{}", CatalogJsonTest.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no reader made for");
    }
}
