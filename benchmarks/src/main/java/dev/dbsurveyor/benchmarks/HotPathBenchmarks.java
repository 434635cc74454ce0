package dev.dbsurveyor.benchmarks;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/**
 * Runs the JMH benchmarks of the collector's hot paths ({@code CollectorHotPaths},
 * {@code MySqlTypeMapping}) and writes their scores as markdown, so that a change in the CPU cost
 * of type mapping, assembling, writing or the upstream check shows from one run to the next.
 */
final class HotPathBenchmarks {

    private HotPathBenchmarks() {
    }

    static void run(Path resultsDirectory) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include("dev\\.dbsurveyor\\.adapter\\..*")
                .jvmArgs("-Xmx2g")
                .build()).run();
        StringBuilder out = new StringBuilder("# Hot paths of the collector (JMH)\n\n")
                .append("Measured ").append(LoadBenchmark.measuredAt()).append(" with `benchmarks/run jmh`: average time per call, ")
                .append("one fork, 3 warm-up and 5 measured iterations of 2 s; the error is JMH's 99.9% interval. No server is involved: ")
                .append("the 10,000-table document is assembled from synthetic catalog rows (10 columns, a primary key, a foreign key ")
                .append("and two indexes per table), as the PostgreSQL catalog read returns them; the 20- and 1,000-table documents the same way.\n\n")
                .append("| benchmark | score | error | unit |\n| --- | ---: | ---: | --- |\n");
        results.stream().sorted(Comparator.comparing(result -> result.getParams().getBenchmark())).forEach(result -> {
            var score = result.getPrimaryResult();
            String name = result.getParams().getBenchmark().replace("dev.dbsurveyor.adapter.", "");
            out.append(String.format(Locale.ROOT, "| %s | %.3f | ± %.3f | %s |%n", name, score.getScore(), score.getScoreError(),
                    score.getScoreUnit()));
        });
        out.append("\nMachine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, JVM ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version")).append(".\n");
        Files.createDirectories(resultsDirectory);
        Files.writeString(resultsDirectory.resolve("jmh-hot-paths.md"), out.toString());
        System.out.print(out);
    }
}
