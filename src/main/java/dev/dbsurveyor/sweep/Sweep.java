package dev.dbsurveyor.sweep;

import dev.dbsurveyor.CollectorVersion;
import dev.dbsurveyor.adapter.DatabaseAdapter;
import dev.dbsurveyor.model.DatabaseFailure;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.EnumeratedDatabase;
import dev.dbsurveyor.model.MultiDatabaseManifest;
import dev.dbsurveyor.model.MultiDatabaseOutput;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.output.UpstreamLoader;
import dev.dbsurveyor.output.UpstreamWarning;
import dev.dbsurveyor.retry.DatabaseRetries;
import dev.dbsurveyor.retry.ErrorClassification;
import dev.dbsurveyor.retry.ErrorClassifier;
import dev.dbsurveyor.retry.RetriedException;
import dev.dbsurveyor.sampling.TableSampler;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A sweep of one server, in DESIGN.md's shape: enumerate, filter, collect up to
 * {@code max_concurrency} databases at once, each retried on its budget, and stream one outcome
 * per enumerated database. {@link #collectAll()} reduces the outcomes into the output files' shape.
 * Nothing runs until subscription; cancelling closes every connection the sweep opened.
 */
public final class Sweep {

    /** Read with this class, never later on a non-blocking thread. */
    static final String COLLECTOR_VERSION = CollectorVersion.current();

    private final DatabaseAdapter adapter;
    private final MultiDatabaseConfig config;
    private final SweepListener listener;
    private final Admission admission;

    private Sweep(DatabaseAdapter adapter, MultiDatabaseConfig config, SweepListener listener, Admission admission) {
        this.adapter = adapter;
        this.config = config;
        this.listener = listener;
        this.admission = admission;
    }

    /** The collector version written into documents. */
    public static String collectorVersion() {
        return COLLECTOR_VERSION;
    }

    /** A sweep of the server {@code adapter} reads; the caller closes the adapter. */
    public static Sweep of(DatabaseAdapter adapter, MultiDatabaseConfig config) {
        return new Sweep(adapter, config, SweepListener.none(), Admission.immediate());
    }

    /** This sweep, reporting its events to {@code listener}. */
    public Sweep withListener(SweepListener listener) {
        return new Sweep(adapter, config, listener, admission);
    }

    /**
     * This sweep, starting each database's collection only when {@code admission} admits it (a
     * fleet's bound shared by many servers); its own {@code max_concurrency} still holds.
     */
    public Sweep withAdmission(Admission admission) {
        return new Sweep(adapter, config, listener, admission);
    }

    /**
     * One outcome per enumerated database, each as soon as it is known. With
     * {@code continue_on_error} off, the first failure ends the stream with a
     * {@link SweepFailedException} and cancels the collections in flight.
     */
    public Flux<DatabaseOutcome> outcomes() {
        return Flux.defer(() -> {
            DatabaseFilter filter = DatabaseFilter.of(config);
            return enumeration().flatMapMany(databases -> {
                List<DatabaseOutcome> decided = new ArrayList<>();
                List<String> collected = new ArrayList<>();
                Set<String> selected = new HashSet<>();
                for (EnumeratedDatabase database : databases) {
                    DatabaseFilter.Verdict verdict = filter.decide(database);
                    if (verdict.selected()) {
                        selected.add(database.name());
                    }
                    verdict.outcome(database.name()).ifPresentOrElse(decided::add, () -> collected.add(database.name()));
                }
                notify(new SweepEvent.Enumerated(databases.stream().map(EnumeratedDatabase::name).toList(), selected));
                return outcomesOf(decided, collected);
            });
        });
    }

    /**
     * One database, as a sweep collects each: its stages and then the whole database retried on
     * one budget, then sampled when the configuration asks for samples. Ends with the error when it
     * cannot be collected.
     */
    public Mono<DatabaseSchema> collectOne(String database) {
        return Mono.defer(() -> collectOne(database, sampling()));
    }

    /** The whole sweep in the shape of its output: one bundle, or a manifest and one document per database. */
    public Mono<MultiDatabaseOutput> collectAll() {
        return Mono.defer(() -> {
            Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            long started = System.nanoTime();
            return serverInfo().flatMap(server -> outcomes().collectList()
                    .map(outcomes -> SweepOutput.of(server, outcomes, config, startedAt, since(started))));
        });
    }

    /**
     * Collects again what the per-database directory described by {@code manifest} lacks, as
     * {@link ResumePlan} decides against the server's databases now and this sweep's filters, and
     * streams the outcomes of the databases it runs again. Fails with a
     * {@link dev.dbsurveyor.config.ConfigurationException} when the manifest is another server's.
     * {@link Resume} gives the plan as well, and lets files known to be missing count.
     */
    public Flux<DatabaseOutcome> resume(MultiDatabaseManifest manifest, ResumeScope scope) {
        return Resume.of(this, manifest, Set.of(), scope).outcomes();
    }

    MultiDatabaseConfig config() {
        return config;
    }

    /** Every database of the server, retried as a sweep's enumeration is. */
    Mono<List<EnumeratedDatabase>> enumeration() {
        return adapter.enumerate().collectList().retryWhen(serverRetries().retry());
    }

    /**
     * {@code decided}, then each of {@code databases} collected as a sweep collects its databases
     * (up to {@code max_concurrency} at once, one sampler for all: its rate limit is shared by the
     * run), with progress events counted
     * against their number; the first failure ends the stream unless {@code continue_on_error}.
     */
    Flux<DatabaseOutcome> outcomesOf(List<DatabaseOutcome> decided, List<String> databases) {
        return Flux.defer(() -> {
            long started = System.nanoTime();
            int total = decided.size() + databases.size();
            Function<DatabaseSchema, Mono<DatabaseSchema>> sampling = sampling();
            SweepTally tally = new SweepTally();
            // Outcomes known at once go first and outside the bounded flatMap: there, as values
            // known at subscription, flatMap hands their slots back upstream only in batches, and
            // slots owed at the end of the first batch stay lost (max_concurrency 16 ran as 5).
            return Flux.fromIterable(decided)
                    .concatWith(Flux.fromIterable(databases).flatMap(database -> collect(database, sampling), config.maxConcurrency()))
                    .doOnNext(outcome -> {
                        tally.add(outcome);
                        notify(event(outcome, tally.progress(total, since(started))));
                    })
                    .handle(this::stopAtFailureUnlessContinuing);
        });
    }

    /** What the server says about itself, retried like enumeration (a server that refuses connections for a moment is waited for). */
    public Mono<ServerInfo> serverInfo() {
        return adapter.serverInfo().retryWhen(serverRetries().retry());
    }

    /** Retries of the server-level questions (enumeration, server info), on a budget of their own. */
    private DatabaseRetries serverRetries() {
        return new DatabaseRetries(config.retryPolicy(), attempt -> notify(new SweepEvent.Retrying(
                "", attempt.retry(), attempt.delay(), messageOf(attempt.error()))));
    }

    /** Samples a collected document when the configuration asks for samples; leaves it as it is otherwise. */
    private Function<DatabaseSchema, Mono<DatabaseSchema>> sampling() {
        if (!config.sampling().enabled()) {
            return Mono::just;
        }
        TableSampler sampler = TableSampler.of(config.sampling());
        return schema -> adapter.sample(schema, sampler);
    }

    private Mono<DatabaseSchema> collectOne(String database, Function<DatabaseSchema, Mono<DatabaseSchema>> sampling) {
        DatabaseRetries retries = new DatabaseRetries(config.retryPolicy(), attempt -> notify(new SweepEvent.Retrying(
                database, attempt.retry(), attempt.delay(), messageOf(attempt.error()))));
        return Mono.fromRunnable(() -> notify(new SweepEvent.Started(database)))
                .then(adapter.collect(database, retries).retryWhen(retries.retry()))
                .flatMap(sampling)
                .map(this::warnWhereUpstreamRefuses);
    }

    /**
     * The document with a warning when upstream dbsurveyor's loader would refuse it: catalog text
     * is kept as the server gives it, so a routine body or a comment can hold what upstream's
     * credential scan refuses.
     */
    private DatabaseSchema warnWhereUpstreamRefuses(DatabaseSchema schema) {
        return UpstreamWarning.of(UpstreamLoader.refusals(schema)).map(warning -> {
            notify(new SweepEvent.Warned(schema.databaseInfo().name(), warning));
            return schema.withWarning(warning);
        }).orElse(schema);
    }

    /** One database of the sweep, its failure an outcome. */
    private Mono<DatabaseOutcome> collect(String database, Function<DatabaseSchema, Mono<DatabaseSchema>> sampling) {
        return admission.admit(Mono.defer(() -> {
            long started = System.nanoTime();
            return collectOne(database, sampling)
                    .<DatabaseOutcome>map(schema -> new DatabaseOutcome.Collected(schema, since(started)))
                    .onErrorResume(error -> Mono.just(new DatabaseOutcome.Failed(failure(database, error), since(started))));
        }));
    }

    private void stopAtFailureUnlessContinuing(DatabaseOutcome outcome, SynchronousSink<DatabaseOutcome> sink) {
        if (!config.continueOnError() && outcome instanceof DatabaseOutcome.Failed failed) {
            sink.error(new SweepFailedException(failed.failure()));
        } else {
            sink.next(outcome);
        }
    }

    static DatabaseFailure failure(String database, Throwable error) {
        ErrorClassification classification = ErrorClassifier.classify(error);
        return new DatabaseFailure(database, messageOf(error), classification.category(), classification.connectionError(),
                RetriedException.retriesOf(error));
    }

    private static String messageOf(Throwable error) {
        Throwable cause = error instanceof RetriedException retried ? retried.failure() : error;
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static SweepEvent event(DatabaseOutcome outcome, SweepProgress progress) {
        return outcome.accept(new DatabaseOutcome.Visitor<>() {
            @Override
            public SweepEvent collected(DatabaseOutcome.Collected collected) {
                return new SweepEvent.Finished(collected.database(), collected.duration(), progress);
            }

            @Override
            public SweepEvent failed(DatabaseOutcome.Failed failed) {
                return new SweepEvent.Failed(failed.database(), failed.failure(), progress);
            }

            @Override
            public SweepEvent skipped(DatabaseOutcome.Skipped skipped) {
                return new SweepEvent.Skipped(skipped.database(), skipped.reason(), progress);
            }

            @Override
            public SweepEvent filtered(DatabaseOutcome.Filtered filtered) {
                return new SweepEvent.Filtered(filtered.database(), filtered.reason(), progress);
            }
        });
    }

    void notify(SweepEvent event) {
        try {
            listener.on(event);
        } catch (RuntimeException ignored) {
            // A listener's fault must not break the sweep; the listener contract says so.
        }
    }
}
