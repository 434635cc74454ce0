package dev.dbsurveyor.adapter;

import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the rows of one stage's result into the engine's row records. A row that does not read
 * must not fail the exchange (the server is still sending the rest of it): it fails its stage
 * instead, with {@link InvalidCatalogDataException}, once the stage's rows have all arrived.
 */
public final class StageRows {

    private StageRows() {
    }

    /** Puts {@code stage}'s rows, read by {@code reader}, into {@code results}, or its failure into {@code failures}. */
    public static <S extends Enum<S> & CatalogStage, T> Mono<Void> read(Result result, S stage, Function<Readable, ? extends T> reader,
                                                                      Map<S, List<T>> results, Map<S, Throwable> failures) {
        return Flux.from(result.map(row -> Readout.<T>of(reader, row)))
                .collectList()
                .doOnNext(readouts -> keep(stage, readouts, results, failures))
                .then();
    }

    private static <S extends Enum<S> & CatalogStage, T> void keep(S stage, List<Readout<T>> readouts, Map<S, List<T>> results,
                                                                 Map<S, Throwable> failures) {
        readouts.stream().filter(readout -> readout.error() != null).findFirst().ifPresentOrElse(
                unreadable -> failures.put(stage, new InvalidCatalogDataException(stage, unreadable.error())),
                () -> results.put(stage, readouts.stream().<T>map(Readout::row).toList()));
    }

    /** A row as its record, or why it did not read. */
    private record Readout<T>(T row, RuntimeException error) {

        static <T> Readout<T> of(Function<Readable, ? extends T> reader, Readable row) {
            try {
                return new Readout<>(reader.apply(row), null);
            } catch (RuntimeException e) {
                return new Readout<>(null, e);
            }
        }
    }
}
