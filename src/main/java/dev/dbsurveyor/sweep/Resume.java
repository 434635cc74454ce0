package dev.dbsurveyor.sweep;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.model.EnumeratedDatabase;
import dev.dbsurveyor.model.MultiDatabaseManifest;
import dev.dbsurveyor.model.ServerInfo;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A resume of a per-database directory: its {@link #plan()} (after checking that the server is
 * the manifest's), then the plan's databases collected by the sweep exactly as a sweep collects
 * its own. Files are written by the caller ({@code SweepFiles.resumeDirectory} for the command
 * line). Nothing runs until subscription.
 */
public final class Resume {

    private final Sweep sweep;
    private final MultiDatabaseManifest manifest;
    private final Set<String> missingFiles;
    private final ResumeScope scope;

    private Resume(Sweep sweep, MultiDatabaseManifest manifest, Set<String> missingFiles, ResumeScope scope) {
        this.sweep = sweep;
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.missingFiles = Set.copyOf(missingFiles);
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /**
     * A resume of {@code manifest} by {@code sweep} (whose configuration gives the filters,
     * sampling and concurrency).
     *
     * @param missingFiles names of the entries whose file is not in the directory: collected again
     */
    public static Resume of(Sweep sweep, MultiDatabaseManifest manifest, Set<String> missingFiles, ResumeScope scope) {
        return new Resume(sweep, manifest, missingFiles, scope);
    }

    /**
     * The server's information, checked against the manifest's: the same type, host (ignoring case)
     * and port, else a {@link ConfigurationException} naming both.
     */
    public Mono<ServerInfo> server() {
        return sweep.serverInfo().handle((server, sink) -> {
            if (sameServer(manifest.serverInfo(), server)) {
                sink.next(server);
            } else {
                sink.error(new ConfigurationException("the manifest belongs to another server: " + describe(manifest.serverInfo())
                        + ", not " + describe(server)));
            }
        });
    }

    /** What the resume will do with each database, decided once the server is checked and enumerated. */
    public Mono<ResumePlan> plan() {
        return server().flatMap(server -> sweep.enumeration().map(databases -> {
            ResumePlan plan = ResumePlan.of(manifest, missingFiles, server, databases, sweep.config(), scope,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS));
            sweep.notify(new SweepEvent.Enumerated(databases.stream().map(EnumeratedDatabase::name).toList(), plan.selected()));
            return plan;
        }));
    }

    /** The outcomes of the databases {@code plan} runs again: those known at once first, then each collected. */
    public Flux<DatabaseOutcome> outcomes(ResumePlan plan) {
        return sweep.outcomesOf(plan.decided(), plan.toCollect());
    }

    /** {@link #plan()}, then its {@link #outcomes(ResumePlan)}. */
    public Flux<DatabaseOutcome> outcomes() {
        return plan().flatMapMany(this::outcomes);
    }

    static boolean sameServer(ServerInfo recorded, ServerInfo now) {
        return recorded.serverType() == now.serverType()
                && recorded.host().toLowerCase(Locale.ROOT).equals(now.host().toLowerCase(Locale.ROOT))
                && Objects.equals(recorded.port(), now.port());
    }

    private static String describe(ServerInfo server) {
        String host = server.host().contains(":") ? "[" + server.host() + "]" : server.host();
        return server.serverType().displayName() + " at " + host + (server.port() != null ? ":" + server.port() : "");
    }
}
