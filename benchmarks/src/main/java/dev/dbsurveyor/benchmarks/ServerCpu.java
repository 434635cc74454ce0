package dev.dbsurveyor.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CPU a database server on this host used, from its main process's {@code /proc/<pid>/stat}:
 * {@code utime + stime + cutime + cstime}. PostgreSQL runs each connection in a backend process
 * that the postmaster reaps when it ends, so a finished backend's CPU lands in the postmaster's
 * {@code cutime}/{@code cstime}; MariaDB's threads are counted in its process's own times. Clock
 * ticks are turned into seconds with {@code getconf CLK_TCK}.
 */
record ServerCpu(long pid, long ticksPerSecond) {

    /** The PostgreSQL postmaster, from {@code postmaster.pid} in the data directory; empty when it is not readable here. */
    static Optional<ServerCpu> postgres(io.r2dbc.spi.ConnectionFactory server) {
        try {
            String directory = WideDatabase.query(server, "SHOW data_directory").get(0);
            return of(Files.readAllLines(Path.of(directory, "postmaster.pid")).get(0).strip());
        } catch (RuntimeException | IOException e) {
            return Optional.empty();
        }
    }

    /** The MariaDB or MySQL server process, from its {@code pid_file}; empty when it is not readable here. */
    static Optional<ServerCpu> mysql(io.r2dbc.spi.ConnectionFactory server) {
        try {
            String file = WideDatabase.query(server, "SELECT @@pid_file").get(0);
            return of(Files.readString(Path.of(file)).strip());
        } catch (RuntimeException | IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<ServerCpu> of(String pid) throws IOException {
        Path stat = Path.of("/proc", pid, "stat");
        if (!Files.isReadable(stat)) {
            return Optional.empty();
        }
        Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
        long ticks = Long.parseLong(new String(getconf.getInputStream().readAllBytes()).strip());
        return Optional.of(new ServerCpu(Long.parseLong(pid), ticks));
    }

    /** A shell command that appends the server's CPU ticks so far to {@code log}. */
    String appendTicks(Path log) {
        // Fields 14 to 17; the command name (field 2) of a server process has no space in it.
        return "awk '{print $14+$15+$16+$17}' /proc/" + pid + "/stat >> '" + log + "'";
    }

    long ticks() throws IOException {
        String[] fields = Files.readString(Path.of("/proc", Long.toString(pid), "stat")).split(" ");
        return Long.parseLong(fields[13]) + Long.parseLong(fields[14]) + Long.parseLong(fields[15]) + Long.parseLong(fields[16]);
    }

    /**
     * Seconds of server CPU per timed run, from a log of readings taken before every run (the
     * warm-up's too) and {@code last}, read after the last and added to the log: run k spans readings k and k + 1.
     */
    List<Double> perRun(Path log, long last, int runs) throws IOException {
        Files.writeString(log, last + "\n", java.nio.file.StandardOpenOption.APPEND);
        List<Long> readings = Files.readAllLines(log).stream().map(String::strip).filter(line -> !line.isEmpty())
                .map(Long::parseLong).toList();
        List<Long> timed = readings.subList(readings.size() - runs - 1, readings.size());
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            seconds.add((double) (timed.get(i + 1) - timed.get(i)) / ticksPerSecond);
        }
        return seconds;
    }
}
