package dev.dbsurveyor.testing;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How many sessions each database of a PostgreSQL server has had ({@code pg_stat_database.sessions},
 * PostgreSQL 14 and newer), so that a test can tell which databases a run connected to: counted by
 * the server, whatever the client did. A backend's count reaches the statistics when it exits.
 */
public final class PostgresSessions {

    private PostgresSessions() {
    }

    /** Sessions so far of each database whose name starts with {@code prefix}, once the counts have stopped moving. */
    public static Map<String, Long> of(TestServer server, String prefix) throws InterruptedException {
        // Backends that have just closed report their session as they exit, and a backend flushes its
        // statistics at most once a second: two reads more than a second apart must agree.
        List<Map<String, Long>> reads = Flux.interval(Duration.ZERO, Duration.ofMillis(1_200))
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromCallable(() -> read(server, prefix)).subscribeOn(Schedulers.boundedElastic()))
                .buffer(2, 1)
                .filter(pair -> pair.size() == 2 && pair.get(0).equals(pair.get(1)))
                .take(1)
                .take(Duration.ofSeconds(10))
                .blockLast();
        return reads != null ? reads.get(1) : read(server, prefix);
    }

    /** The databases with more sessions {@code after} than {@code before}. */
    public static Set<String> connectedBetween(Map<String, Long> before, Map<String, Long> after) {
        Set<String> connected = new TreeSet<>();
        after.forEach((database, sessions) -> {
            if (sessions > before.getOrDefault(database, 0L)) {
                connected.add(database);
            }
        });
        return connected;
    }

    private static Map<String, Long> read(TestServer server, String prefix) {
        Map<String, Long> sessions = new TreeMap<>();
        server.query(null, "SELECT datname, sessions FROM pg_stat_database WHERE datname IS NOT NULL").forEach(row -> {
            String name = (String) row.get("datname");
            if (name.startsWith(prefix)) {
                sessions.put(name, ((Number) row.get("sessions")).longValue());
            }
        });
        return sessions;
    }
}
