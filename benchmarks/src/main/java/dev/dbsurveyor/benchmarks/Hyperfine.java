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
 * Times whole command runs with hyperfine: warm-up runs, then {@code runs} timed runs, each after
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

    /** Empty when the command failed (hyperfine stops at a failing run and says so). */
    static java.util.Optional<Timing> time(Path workingDirectory, String name, String command, String prepare, int warmups, int runs,
                                           Path json, Map<String, String> environment) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("hyperfine", "--warmup", Integer.toString(warmups), "--runs", Integer.toString(runs),
                "--style", "basic", "--export-json", json.toString(), "--command-name", name));
        if (prepare != null) {
            arguments.addAll(List.of("--prepare", prepare));
        }
        arguments.add(command);
        ProcessBuilder builder = new ProcessBuilder(arguments).directory(workingDirectory.toFile()).inheritIO();
        builder.environment().putAll(environment);
        int exit = builder.start().waitFor();
        if (exit != 0) {
            return java.util.Optional.empty();
        }
        JsonNode result = new ObjectMapper().readTree(json.toFile()).path("results").get(0);
        List<Double> wall = new ArrayList<>();
        result.path("times").forEach(time -> wall.add(time.asDouble()));
        return java.util.Optional.of(new Timing(wall, result.path("user").asDouble(), result.path("system").asDouble()));
    }
}
