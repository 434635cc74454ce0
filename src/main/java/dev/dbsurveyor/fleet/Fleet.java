package dev.dbsurveyor.fleet;

import dev.dbsurveyor.adapter.DatabaseAdapter;
import dev.dbsurveyor.adapter.DatabaseAdapters;
import dev.dbsurveyor.sweep.Sweep;
import dev.dbsurveyor.sweep.SweepListener;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/**
 * Many servers swept in one run: the servers of an inventory in this run's shard, each with its
 * own settings, sharing one bound on databases in flight. A server that cannot be reached is one
 * {@link FleetOutcome.ServerFailed} and the others go on; a slow one holds no more of the shared
 * bound than its own concurrency. Up to the fleet's concurrency servers are swept at once.
 */
public final class Fleet {

    private final Inventory inventory;
    private final FleetConfig config;
    private final List<FleetServer> servers;
    private final SharedLimit limit;

    private Fleet(Inventory inventory, FleetConfig config, List<FleetServer> servers) {
        this.inventory = inventory;
        this.config = config;
        this.servers = List.copyOf(servers);
        this.limit = new SharedLimit(config.maxConcurrency());
    }

    /**
     * The fleet of {@code inventory}'s servers in {@code config}'s shard, each resolved (its
     * password found, which may read files: call it where blocking is allowed).
     *
     * @throws dev.dbsurveyor.config.ConfigurationException naming the server when its settings are wrong
     */
    public static Fleet of(Inventory inventory, FleetConfig config) {
        return new Fleet(inventory, config, inventory.serversOf(config.shard()).stream()
                .map(entry -> FleetServer.resolve(entry, config)).toList());
    }

    /**
     * The outcomes of every database of every server of {@code inventory} in {@code config}'s
     * shard, tagged with the server's label, each as soon as it is known. Nothing runs until
     * subscription (the inventory is resolved then, off the subscriber's thread); cancelling
     * closes every connection.
     */
    public static Flux<FleetOutcome> outcomes(Inventory inventory, FleetConfig config, FleetListener listener) {
        return Mono.fromCallable(() -> of(inventory, config)).subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(fleet -> fleet.outcomes(listener));
    }

    /** The outcomes of this fleet's databases, tagged with their server's label; see {@link #outcomes(Inventory, FleetConfig, FleetListener)}. */
    public Flux<FleetOutcome> outcomes(FleetListener listener) {
        return Flux.fromIterable(servers).flatMap(server -> Flux.usingWhen(adapter(server),
                        adapter -> Sweep.of(adapter, server.sweep()).withListener(tagged(server, listener)).withAdmission(limit).outcomes()
                                .<FleetOutcome>map(outcome -> new FleetOutcome.OfDatabase(server.label(), outcome)),
                        DatabaseAdapter::close)
                .onErrorResume(error -> Mono.just(new FleetOutcome.ServerFailed(server.label(), ServerFailure.of(error)))),
                serversAtOnce());
    }

    /** The inventory the fleet was cut from, every shard's servers included. */
    public Inventory inventory() {
        return inventory;
    }

    public FleetConfig config() {
        return config;
    }

    /** The servers of this run's shard, in the inventory's order. */
    public List<FleetServer> servers() {
        return servers;
    }

    /** The bound on databases in flight that the fleet's sweeps share. */
    public SharedLimit limit() {
        return limit;
    }

    /** Servers swept at once: as many as may have a database in flight, so that none waits for a slot it could use. */
    int serversAtOnce() {
        return Math.max(1, Math.min(servers.size(), config.maxConcurrency()));
    }

    static Mono<DatabaseAdapter> adapter(FleetServer server) {
        return Mono.fromCallable(() -> DatabaseAdapters.create(server.target(), server.connection())).subscribeOn(Schedulers.boundedElastic());
    }

    static SweepListener tagged(FleetServer server, FleetListener listener) {
        return event -> {
            try {
                listener.on(server.label(), event);
            } catch (RuntimeException ignored) {
                // A listener's fault must not break the fleet; the listener contract says so.
            }
        };
    }
}
