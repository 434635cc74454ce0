package dev.dbsurveyor.benchmarks;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code pg_dump --schema-only} per database, as many processes at once as the concurrency. */
final class PgDumpContender implements Contender {

    @Override
    public String name() {
        return "pg_dump --schema-only";
    }

    @Override
    public boolean supports(Endpoint endpoint) {
        return endpoint.postgres();
    }

    @Override
    public ContenderRun run(Endpoint endpoint, List<String> databases, int concurrency, Duration budget) throws Exception {
        return BlockingRuns.run("pg_dump", databases, concurrency, budget, database -> {
            ProcessBuilder builder = new ProcessBuilder("pg_dump", "--schema-only", "--no-password", "-h", endpoint.host(),
                    "-p", Integer.toString(endpoint.port()), "-U", endpoint.user(), "-d", database, "-f", "/dev/null")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")));
            Map<String, String> environment = builder.environment();
            environment.put("PGSSLMODE", "disable");
            environment.put("PGGSSENCMODE", "disable");
            if (endpoint.password() != null) {
                environment.put("PGPASSWORD", endpoint.password());
            }
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("pg_dump of " + database + " exited with " + exit);
            }
        });
    }
}
