package dev.dbsurveyor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

/**
 * A fleet of real servers for the fleet tests: the local PostgreSQL and MariaDB, private embedded
 * PostgreSQL instances on their own ports, and a port where nothing listens, each live server
 * holding {@code databases} databases of a few tables named with one unique prefix. Closing it
 * drops the databases and stops the embedded instances.
 */
public final class FleetFixture implements AutoCloseable {

    /** A server of the fleet: its label, its URL as an inventory lists it, and (for live ones) the harness that made its databases. */
    public record Member(String label, String url, TestServer server) {
    }

    private final String prefix;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final List<EmbeddedPostgresServer> embedded = new ArrayList<>();
    private final List<TestServer> owned = new ArrayList<>();

    private FleetFixture(String prefix) {
        this.prefix = prefix;
    }

    /** The six servers of the issue: local PostgreSQL and MariaDB, {@code embeddedCount} embedded PostgreSQL, and a dead port. */
    public static FleetFixture start(TestServer postgres, TestServer mysql, int embeddedCount, int databases) {
        FleetFixture fleet = new FleetFixture(TestServer.uniqueName("fleet_") + "_");
        try {
            fleet.add("local-pg", postgres, databases);
            fleet.add("local-maria", mysql, databases);
            List<String> versions = EmbeddedPostgresServer.availableVersions();
            for (int i = 0; i < embeddedCount; i++) {
                EmbeddedPostgresServer instance = EmbeddedPostgresServer.start(versions.get(i % versions.size()));
                fleet.embedded.add(instance);
                TestServer server = new TestServer(instance.endpoint());
                fleet.owned.add(server);
                fleet.add("embedded-" + (char) ('a' + i), server, databases);
            }
            fleet.members.put("dead", new Member("dead", "postgresql://postgres@127.0.0.1:" + freePort(), null));
            return fleet;
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    private void add(String label, TestServer server, int databases) {
        if (server.engine() == Engine.POSTGRES) {
            String template = server.createDatabase(prefix + "template");
            server.execute(template, "CREATE TABLE items (id int PRIMARY KEY, label text NOT NULL)",
                    "CREATE TABLE orders (id int PRIMARY KEY, item int REFERENCES items (id))", "CREATE VIEW labels AS SELECT label FROM items");
            IntStream.range(0, databases).forEach(i -> server.createDatabase(database(i), template));
        } else {
            IntStream.range(0, databases).forEach(i -> server.execute(server.createDatabase(database(i)),
                    "CREATE TABLE items (id int PRIMARY KEY, label varchar(100) NOT NULL)"));
        }
        String url = server.endpoint().url();
        members.put(label, new Member(label, url, server));
    }

    /** Has the inventory reach the member labelled {@code label} at {@code url} instead (through a proxy, say). */
    public void reroute(String label, String url) {
        Member member = members.get(label);
        members.put(label, new Member(label, url, member.server()));
    }

    /** Adds a member reached at {@code url} (a proxy in front of another member, say) whose databases are made elsewhere. */
    public void addMember(String label, String url) {
        members.put(label, new Member(label, url, null));
    }

    /** The name of database {@code i} on every live server. */
    public String database(int i) {
        return prefix + String.format("%02d", i);
    }

    /** The glob that selects the fleet's databases and leaves the template out. */
    public String include() {
        return prefix + "[0-9]*";
    }

    public Map<String, Member> members() {
        return members;
    }

    /**
     * A YAML inventory of every member, each with {@code settings} of its label (YAML lines such as
     * {@code "max_connections: 3"}) and the fleet's include glob as a default.
     */
    public String inventory(Map<String, List<String>> settings) {
        StringBuilder yaml = new StringBuilder("defaults:\n  include: \"" + include() + "\"\nservers:\n");
        members.values().forEach(member -> {
            yaml.append("  - label: ").append(member.label()).append("\n    url: \"").append(member.url()).append("\"\n");
            settings.getOrDefault(member.label(), List.of()).forEach(line -> yaml.append("    ").append(line).append('\n'));
        });
        return yaml.toString();
    }

    /**
     * Counts, until {@code running} turns false, the collector's connections to each live member
     * every few milliseconds, and returns the most seen at once per label. PostgreSQL's are those of
     * application {@code dbsurveyor}; MariaDB's every client session but the counting one.
     */
    public Map<String, Integer> mostConnections(AtomicBoolean running) throws InterruptedException {
        Map<String, Integer> most = new ConcurrentHashMap<>();
        members.values().stream().filter(member -> member.server() != null).forEach(member -> most.put(member.label(), 0));
        while (running.get()) {
            for (Member member : members.values()) {
                if (member.server() != null) {
                    most.merge(member.label(), connections(member.server()), Math::max);
                }
            }
            // The sampling rhythm of the count, not a wait for a result.
            Thread.sleep(20);
        }
        return most;
    }

    private static int connections(TestServer server) {
        String sql = server.engine() == Engine.POSTGRES
                ? "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'dbsurveyor'"
                : "SELECT count(*) AS n FROM information_schema.processlist WHERE id <> connection_id() AND command <> 'Daemon' "
                        + "AND user NOT IN ('system user', 'event_scheduler')";
        return ((Number) server.query(null, sql).get(0).get("n")).intValue();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        members.values().stream().map(Member::server).filter(server -> server != null && !owned.contains(server)).forEach(TestServer::close);
        embedded.forEach(EmbeddedPostgresServer::close);
    }
}
