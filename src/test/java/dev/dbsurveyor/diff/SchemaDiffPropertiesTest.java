package dev.dbsurveyor.diff;

import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.DiffKind;
import dev.dbsurveyor.model.DiffOptions;
import dev.dbsurveyor.model.ObjectChange;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.testing.PropertyRun;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Any document equals itself, and comparing the other way round says the same with the sides swapped. */
class SchemaDiffPropertiesTest {

    private static final Gen<DiffOptions> OPTIONS = SourceDSL.booleans().all().zip(SourceDSL.booleans().all(),
            SourceDSL.integers().between(0, 3), (volatileToo, samples, kinds) -> new DiffOptions(volatileToo, samples,
                    kinds == 0 ? List.of() : List.of(DiffKind.values()).subList(0, kinds * 4), List.of(), List.of()));

    @Test
    void aDocumentComparedWithItselfHasNoDifferences() {
        // A copy read back from its JSON, so that equal values, not the same objects, are compared.
        PropertyRun.withTries(300).forAll(DocumentVariations.documents(), OPTIONS).checkAssert((document, options) -> {
            DatabaseSchema copy = copyOf(document);
            assertThat(SchemaDiff.between(document, document, options).changes()).isEmpty();
            assertThat(SchemaDiff.between(document, copy, options).changes()).isEmpty();
        });
    }

    @Test
    void comparingTheOtherWayRoundSwapsTheSides() {
        java.util.concurrent.atomic.AtomicInteger differing = new java.util.concurrent.atomic.AtomicInteger();
        PropertyRun.withTries(300).forAll(DocumentVariations.pairs(), OPTIONS)
                .checkAssert((pair, options) -> {
                    DatabaseSchema one = pair.get(0);
                    DatabaseSchema other = pair.get(1);
                    List<ObjectChange> forward = SchemaDiff.between(one, other, options).changes();
                    List<ObjectChange> backward = SchemaDiff.between(other, one, options).changes();

                    assertThat(backward).isEqualTo(forward.stream().map(ObjectChange::reversed).toList());
                    if (!forward.isEmpty()) {
                        differing.incrementAndGet();
                    }
                });
        assertThat(differing.get()).as("pairs that differ, of 300").isGreaterThan(150);
    }

    private static DatabaseSchema copyOf(DatabaseSchema document) {
        try {
            return ContractMapper.mapper().readValue(ContractMapper.mapper().writeValueAsString(document), DatabaseSchema.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
