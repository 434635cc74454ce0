package dev.dbsurveyor.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JFR recording's CPU samples ({@code jfr print --events jdk.ExecutionSample}) aggregated: the
 * methods on top of the stacks, the packages they are in, and the project's methods counted once
 * per sample they appear in (inclusive), each as a share of all samples.
 */
final class JfrProfile {

    static final int STACK_DEPTH = 128;
    private static final String PROJECT = "dev.dbsurveyor.";

    /** A method or package and the samples it accounts for. */
    record Count(String name, int samples) {
    }

    private int samples;
    private final Map<String, Integer> top = new HashMap<>();
    private final Map<String, Integer> topPackages = new HashMap<>();
    private final Map<String, Integer> project = new HashMap<>();

    private JfrProfile() {
    }

    /** Reads {@code recording} through {@code jfr print}. */
    static JfrProfile of(Path recording) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", Integer.toString(STACK_DEPTH),
                recording.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        JfrProfile profile = new JfrProfile();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> stack = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String frame = line.strip();
                if (frame.startsWith("stackTrace = [")) {
                    stack = new ArrayList<>();
                } else if (stack != null && frame.equals("]")) {
                    profile.add(stack);
                    stack = null;
                } else if (stack != null && frame.contains("(")) {
                    stack.add(frame.substring(0, frame.indexOf('(')));
                }
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jfr print " + recording + " exited " + process.exitValue());
        }
        return profile;
    }

    private void add(List<String> stack) {
        samples++;
        if (stack.isEmpty()) {
            return;
        }
        String method = stack.get(0);
        top.merge(method, 1, Integer::sum);
        topPackages.merge(packageOf(method), 1, Integer::sum);
        Set<String> seen = new LinkedHashSet<>();
        stack.stream().filter(frame -> frame.startsWith(PROJECT)).forEach(seen::add);
        seen.forEach(frame -> project.merge(frame, 1, Integer::sum));
    }

    /** The package of {@code pkg.Class.method}, the class's nesting left out. */
    private static String packageOf(String method) {
        String type = method.substring(0, method.lastIndexOf('.'));
        int end = type.lastIndexOf('.');
        return end < 0 ? type : type.substring(0, end);
    }

    int samples() {
        return samples;
    }

    List<Count> top(int limit) {
        return ranked(top, limit);
    }

    List<Count> topPackages(int limit) {
        return ranked(topPackages, limit);
    }

    /** The project's methods by the share of samples with them on the stack. */
    List<Count> project(int limit) {
        return ranked(project, limit);
    }

    private static List<Count> ranked(Map<String, Integer> counts, int limit) {
        return counts.entrySet().stream().map(entry -> new Count(entry.getKey(), entry.getValue()))
                .sorted((a, b) -> a.samples() != b.samples() ? Integer.compare(b.samples(), a.samples()) : a.name().compareTo(b.name()))
                .limit(limit).toList();
    }
}
