package dev.dbsurveyor.cli;

import dev.dbsurveyor.sweep.MultiDatabaseConfig;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** Which databases of a server a sweep selects, and how many it collects at once. */
final class FilterOptions {

    @Option(names = "--include", paramLabel = "GLOB", description = "Collect only databases matching one of these globs (repeatable; * ? [abc] [a-z] [!abc]).")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Leave out databases matching any of these globs (repeatable).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--include-system", description = "Also collect system databases (templates).")
    boolean includeSystem;

    @Option(names = "--max-concurrency", paramLabel = "N", description = "Databases collected at once (default 8; with --inventory, across the whole fleet, default 64).")
    Integer maxConcurrency;

    MultiDatabaseConfig.Builder config() {
        MultiDatabaseConfig.Builder builder = MultiDatabaseConfig.builder().includeSystem(includeSystem);
        include.forEach(builder::include);
        exclude.forEach(builder::exclude);
        FlagValues.apply("--max-concurrency", maxConcurrency, builder, MultiDatabaseConfig.Builder::maxConcurrency);
        return builder;
    }
}
