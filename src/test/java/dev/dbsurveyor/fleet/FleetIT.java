package dev.dbsurveyor.fleet;

import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.io.protection.OutputProtection;
import dev.dbsurveyor.model.ErrorCategory;
import dev.dbsurveyor.model.FleetManifest;
import dev.dbsurveyor.model.FleetServerEntry;
import dev.dbsurveyor.model.FleetServerStatus;
import dev.dbsurveyor.sweep.DatabaseOutcome;
import dev.dbsurveyor.sweep.MultiDatabaseConfig;
import dev.dbsurveyor.sweep.SweepEvent;
import dev.dbsurveyor.testing.FaultProxy;
import dev.dbsurveyor.testing.FleetDirectories;
import dev.dbsurveyor.testing.FleetFixture;
import dev.dbsurveyor.testing.MySql;
import dev.dbsurveyor.testing.NonBlockingGuard;
import dev.dbsurveyor.testing.Postgres;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fleets of real servers through the library, BlockHound watching: local PostgreSQL and MariaDB,
 * private embedded PostgreSQL instances, a port where nothing listens, and a server behind a proxy
 * that stops forwarding.
 */
class FleetIT {

    private static final int DATABASES = 30;
    private static final int FLEET_CONCURRENCY = 8;
    private static final Map<String, Integer> MAX_CONNECTIONS = Map.of("local-pg", 4, "local-maria", 3, "embedded-a", 2, "embedded-b", 3,
            "embedded-c", 5);
    private static final Environment NO_PASSWORDS = new Environment(Map.of(), Path.of("/nonexistent"));

    @TempDir
    Path directory;

    @BeforeAll
    static void guard() {
        NonBlockingGuard.install();
    }

    private static Inventory inventory(FleetFixture fleet, Map<String, List<String>> settings) {
        return InventoryFile.yaml(fleet.inventory(settings), "fleet.yaml", Path.of("."), NO_PASSWORDS);
    }

    private static FleetConfig config(int concurrency) {
        return new FleetConfig(concurrency, Shard.whole(), ConnectionConfig.defaults(), MultiDatabaseConfig.defaults(), NO_PASSWORDS);
    }

    private static Map<String, List<String>> limits() {
        Map<String, List<String>> settings = new HashMap<>();
        MAX_CONNECTIONS.forEach((label, max) -> settings.put(label, List.of("max_connections: " + max)));
        settings.put("dead", List.of("connect_timeout: 1"));
        return settings;
    }

    /** Databases in flight across the fleet, counted from the sweeps' own events, and the servers' ends. */
    private static final class InFlight implements FleetListener {
        private final AtomicInteger now = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();
        private final Map<String, FleetServerEntry> ended = new ConcurrentHashMap<>();
        private final List<String> endOrder = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void on(String server, SweepEvent event) {
            if (event instanceof SweepEvent.Started) {
                most.accumulateAndGet(now.incrementAndGet(), Math::max);
            } else if (event instanceof SweepEvent.Finished || event instanceof SweepEvent.Failed) {
                now.decrementAndGet();
            }
        }

        @Override
        public void ended(FleetServerEntry entry) {
            ended.put(entry.label(), entry);
            endOrder.add(entry.label());
        }
    }

    @Test
    void sixServersAreSweptInOneRunWithinTheFleetBoundAndEachServersConnectionLimit(@Postgres TestServer postgres, @MySql TestServer mysql)
            throws Exception {
        try (FleetFixture fleet = FleetFixture.start(postgres, mysql, 3, DATABASES)) {
            Fleet swept = Fleet.of(inventory(fleet, limits()), config(FLEET_CONCURRENCY));
            InFlight inFlight = new InFlight();
            AtomicBoolean running = new AtomicBoolean(true);
            CompletableFuture<Map<String, Integer>> connections = CompletableFuture.supplyAsync(() -> {
                try {
                    return fleet.mostConnections(running);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });

            FleetResult result;
            try {
                result = FleetRun.of(swept, directory, OutputProtection.NONE, inFlight).collect(() -> { }).block(Duration.ofMinutes(3));
            } finally {
                running.set(false);
            }

            Map<String, Integer> most = connections.get();
            MAX_CONNECTIONS.forEach((label, max) -> assertThat(most.get(label)).as(label + "'s connections").isBetween(1, max));
            // Events report a database's end only once its outcome has passed downstream, after its permit went back, so they
            // show that the bound was filled; the permits show that it held.
            assertThat(inFlight.most.get()).as("databases in flight across the fleet, from events").isGreaterThanOrEqualTo(FLEET_CONCURRENCY);
            assertThat(swept.limit().mostInUse()).as("permits held at once").isEqualTo(FLEET_CONCURRENCY);

            FleetManifest manifest = result.manifest();
            assertThat(manifest.servers()).extracting(FleetServerEntry::label)
                    .containsExactly("dead", "embedded-a", "embedded-b", "embedded-c", "local-maria", "local-pg");
            FleetServerEntry dead = manifest.servers().get(0);
            assertThat(dead.status()).isEqualTo(FleetServerStatus.FAILED);
            assertThat(dead.error().isConnectionError()).isTrue();
            assertThat(dead.directory()).isNull();
            assertThat(manifest.servers().subList(1, 6)).allSatisfy(server -> {
                assertThat(server.status()).isEqualTo(FleetServerStatus.SUCCESS);
                assertThat(server.databases().collected()).isEqualTo(DATABASES);
                assertThat(server.databases().failed()).isZero();
            });
            assertThat(manifest.totals().databasesCollected()).isEqualTo(5 * DATABASES);
            assertThat(manifest.totals().serversFailed()).isEqualTo(1);
            assertThat(result.usable()).isTrue();
            assertThat(result.clean()).isFalse();
            assertThat(inFlight.ended).hasSize(6);

            FleetDirectories.assertValid(directory, 5, DATABASES);
        }
    }

    @Test
    void theStreamedOutcomesOfAFleetAreTaggedWithTheirServer(@Postgres TestServer postgres, @MySql TestServer mysql) {
        try (FleetFixture fleet = FleetFixture.start(postgres, mysql, 1, 5)) {
            List<FleetOutcome> outcomes = Fleet.outcomes(inventory(fleet, limits()), config(4), FleetListener.none()).collectList()
                    .block(Duration.ofMinutes(2));

            Map<String, Set<String>> collected = outcomes.stream().filter(FleetOutcome.OfDatabase.class::isInstance)
                    .map(FleetOutcome.OfDatabase.class::cast).filter(outcome -> outcome.outcome() instanceof DatabaseOutcome.Collected)
                    .collect(Collectors.groupingBy(FleetOutcome::server, Collectors.mapping(outcome -> outcome.outcome().database(),
                            Collectors.toSet())));
            Set<String> databases = IntStream.range(0, 5).mapToObj(fleet::database).collect(Collectors.toSet());
            assertThat(collected).containsOnlyKeys("local-pg", "local-maria", "embedded-a");
            assertThat(collected.values()).allSatisfy(names -> assertThat(names).isEqualTo(databases));
            assertThat(outcomes).filteredOn(FleetOutcome.ServerFailed.class::isInstance).singleElement()
                    .satisfies(failed -> assertThat(failed.server()).isEqualTo("dead"));
        }
    }

    @Test
    void aStalledServerHoldsUpNoOtherServer(@Postgres TestServer postgres, @MySql TestServer mysql) throws Exception {
        try (FleetFixture fleet = FleetFixture.start(postgres, mysql, 1, 10);
             FaultProxy proxy = new FaultProxy("127.0.0.1", URI.create(fleet.members().get("embedded-a").url()).getPort())) {
            proxy.stallAtClientChunk(1, Integer.MAX_VALUE);
            fleet.addMember("stalled", "postgresql://postgres@127.0.0.1:" + proxy.port() + "?sslmode=disable");
            Map<String, List<String>> settings = new HashMap<>(limits());
            settings.put("stalled", List.of("connect_timeout: 2", "statement_timeout: 2", "max_connections: 2"));
            Fleet swept = Fleet.of(inventory(fleet, settings), config(4));
            InFlight listener = new InFlight();

            FleetResult result = FleetRun.of(swept, directory, OutputProtection.NONE, listener).collect(() -> { })
                    .block(Duration.ofMinutes(3));

            FleetServerEntry stalled = result.manifest().servers().stream().filter(server -> server.label().equals("stalled")).findFirst()
                    .orElseThrow();
            assertThat(stalled.status()).isEqualTo(FleetServerStatus.FAILED);
            assertThat(stalled.error().category()).isEqualTo(ErrorCategory.TIMEOUT);
            assertThat(proxy.stalledConnections()).isPositive();
            List<String> healthy = List.of("local-pg", "local-maria", "embedded-a");
            assertThat(listener.endOrder).as("servers in the order they ended").hasSize(5).endsWith("stalled").containsAll(healthy);
            healthy.forEach(label -> {
                FleetServerEntry server = listener.ended.get(label);
                assertThat(server.status()).isEqualTo(FleetServerStatus.SUCCESS);
                assertThat(server.databases().collected()).isEqualTo(10);
                assertThat(server.collectionDurationMs()).as(label + " took less than the stalled server")
                        .isLessThan(stalled.collectionDurationMs());
            });
        }
    }
}
