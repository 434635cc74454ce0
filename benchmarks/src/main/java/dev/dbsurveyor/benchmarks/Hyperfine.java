package dev.dbsurveyor.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Times whole command runs with hyperfine: one warm-up, then {@code runs} timed runs, each after
 * {@code prepare}; wall time per run, and user and system time (hyperfine's means over the runs).
 */
final class Hyperfine {

    /** What hyperfine measured of one command. */
    record Timing(List<Double> wall, double user, double system) {

        double medianWall() {
            List<Double> sorted = wall.stream().sorted().toList();
            int middle = sorted.size() / 2;
            return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        }

        double cpu() {
            return user + system;
        }
    }

    private Hyperfine() {
    }

    static Timing time(Path workingDirectory, String name, String command, String prepare, int runs, Path json,
                       Map<String, String> environment) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("hyperfine", "--warmup", "1", "--runs", Integer.toString(runs),
                "--style", "basic", "--export-json", json.toString(), "--command-name", name));
        if (prepare != null) {
            arguments.addAll(List.of("--prepare", prepare));
        }
        arguments.add(command);
        ProcessBuilder builder = new ProcessBuilder(arguments).directory(workingDirectory.toFile()).inheritIO();
        builder.environment().putAll(environment);
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("hyperfine exited with " + exit + " timing " + name);
        }
        JsonNode result = new ObjectMapper().readTree(json.toFile()).path("results").get(0);
        List<Double> wall = new ArrayList<>();
        result.path("times").forEach(time -> wall.add(time.asDouble()));
        return new Timing(wall, result.path("user").asDouble(), result.path("system").asDouble());
    }
}
