package dev.dbsurveyor.sampling;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.config.SamplingConfig;
import dev.dbsurveyor.model.CollectionStage;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.ErrorCategory;
import dev.dbsurveyor.model.ObjectFailure;
import dev.dbsurveyor.model.ObjectType;
import dev.dbsurveyor.model.SampleStatus;
import dev.dbsurveyor.model.SamplingStrategy;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.model.TableKind;
import dev.dbsurveyor.model.TableSample;
import dev.dbsurveyor.retry.ErrorClassification;
import dev.dbsurveyor.retry.ErrorClassifier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Samples the tables of collected documents, one table after another per database and every
 * query under one {@link QueryRateLimit} shared by all databases. A table that fails is read
 * again once with half the limit; one that still fails, or that the role may not read, gets a
 * skipped sample and an object failure, and the rest of the document is kept. Once the
 * connection is lost, the database's remaining tables are skipped without a query. Foreign tables
 * (their rows live on another server) and partitions (their rows are sampled through their
 * parent) are not sampled.
 */
public final class TableSampler {

    private final SamplingConfig config;
    private final QueryRateLimit rateLimit;

    public TableSampler(SamplingConfig config, QueryRateLimit rateLimit) {
        if (!config.enabled()) {
            throw new IllegalArgumentException("sampling is off in this configuration");
        }
        this.config = config;
        this.rateLimit = rateLimit;
    }

    /** A sampler whose rate limit runs on Reactor's parallel scheduler. */
    public static TableSampler of(SamplingConfig config) {
        return new TableSampler(config, QueryRateLimit.perSecond(config.queriesPerSecond()));
    }

    /** Whether a table's rows are sampled. */
    public static boolean sampled(Table table) {
        return table.kind() != TableKind.FOREIGN_TABLE && table.partitionOf() == null;
    }

    /** {@code schema} with a sample of each sampled table, read through {@code source}. */
    public Mono<DatabaseSchema> sample(DatabaseSchema schema, SampleSource source) {
        AtomicReference<Throwable> lost = new AtomicReference<>();
        return Flux.fromIterable(schema.tables())
                .filter(TableSampler::sampled)
                .concatMap(table -> lost.get() != null ? Mono.just(failed(table, lost.get(), 0)) : sample(table, source, lost))
                .collectList()
                .map(outcomes -> schema.withSamples(outcomes.stream().map(Outcome::sample).toList(),
                        outcomes.stream().flatMap(outcome -> outcome.failures().stream()).toList()));
    }

    /**
     * {@code schema} when no connection to sample it could be opened: every sampled table's sample
     * is skipped, and one failure of the whole stage (object name {@code *}) says why.
     */
    public DatabaseSchema unreachable(DatabaseSchema schema, Throwable error) {
        ErrorClassification classification = ErrorClassifier.classify(error);
        String message = messageOf(error);
        List<TableSample> samples = schema.tables().stream().filter(TableSampler::sampled)
                .map(table -> skipped(table, "no connection for sampling: " + message)).toList();
        return schema.withSamples(samples, List.of(new ObjectFailure(ObjectType.TABLE, "*", null, CollectionStage.SAMPLE_DATA,
                classification.category(), message, 0, null)));
    }

    private record Outcome(TableSample sample, List<ObjectFailure> failures) {
    }

    /**
     * One table: read, and read again with half the limit when that may help (not for a denied
     * read, nor on a lost connection, which {@code lost} then keeps for the tables after it).
     */
    private Mono<Outcome> sample(Table table, SampleSource source, AtomicReference<Throwable> lost) {
        OrderingStrategy ordering = OrderingStrategy.of(table);
        int limit = config.rowsPerTable();
        SampleQuery first = new SampleQuery(table, ordering, limit);
        return read(first, source)
                .map(rows -> collected(first, rows, new SampleStatus.Complete(), source))
                .onErrorResume(error -> {
                    ErrorClassification classification = ErrorClassifier.classify(error);
                    if (classification.connectionError()) {
                        lost.set(error);
                    }
                    if (classification.connectionError() || classification.category() == ErrorCategory.PERMISSION || limit < 2) {
                        return Mono.just(failed(table, error, 0));
                    }
                    SampleQuery half = new SampleQuery(table, ordering, limit / 2);
                    return read(half, source)
                            .map(rows -> collected(half, rows, new SampleStatus.PartialRetry(limit), source))
                            .onErrorResume(again -> {
                                if (ErrorClassifier.classify(again).connectionError()) {
                                    lost.set(again);
                                }
                                return Mono.just(failed(table, again, 1));
                            });
                });
    }

    private Mono<List<ObjectNode>> read(SampleQuery query, SampleSource source) {
        return rateLimit.permit().thenMany(Flux.defer(() -> source.read(query))).collectList();
    }

    private Outcome collected(SampleQuery query, List<ObjectNode> read, SampleStatus status, SampleSource source) {
        SampleRows.Fitted fitted = new SampleRows(query.table(), config).fit(read);
        List<String> warnings = new ArrayList<>();
        SamplingStrategy strategy;
        if (query.ordering() instanceof OrderingStrategy.Random) {
            strategy = new SamplingStrategy.Random(query.limit());
            warnings.add("no primary key, timestamp or auto-increment column: rows are a random choice, not the most recent");
            source.randomCaveat(query).ifPresent(warnings::add);
        } else {
            strategy = new SamplingStrategy.MostRecent(query.limit());
        }
        if (status instanceof SampleStatus.PartialRetry retry) {
            warnings.add("the read of " + retry.originalLimit() + " rows failed; " + query.limit() + " rows were read instead");
        }
        warnings.addAll(fitted.warnings());
        Table table = query.table();
        return new Outcome(new TableSample(table.name(), table.schema(), fitted.rows(), fitted.rows().size(), table.rowCount(), strategy,
                now(), warnings, status, fitted.numbersAsText()), List.of());
    }

    private Outcome failed(Table table, Throwable error, int retries) {
        String message = messageOf(error);
        return new Outcome(skipped(table, message), List.of(new ObjectFailure(ObjectType.TABLE, table.name(), table.schema(),
                CollectionStage.SAMPLE_DATA, ErrorClassifier.classify(error).category(), message, retries, null)));
    }

    private static TableSample skipped(Table table, String reason) {
        return new TableSample(table.name(), table.schema(), List.of(), 0, table.rowCount(), new SamplingStrategy.None(), now(),
                List.of(), new SampleStatus.Skipped(reason));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String messageOf(Throwable error) {
        return error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
    }
}
