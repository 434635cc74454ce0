package dev.dbsurveyor.cli;

import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.Postgres;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One database collected from a real PostgreSQL with an exclusion constraint, a TRUNCATE trigger,
 * a routine body with {@code key=} and a sampled JSON number beyond a double: only the routine
 * body, catalog text kept as it is, is left for upstream's loader to refuse, and collect says so.
 */
class ValidateUpstreamIT {

    @TempDir
    Path directory;

    @Test
    void onlyCatalogTextIsLeftForUpstreamToRefuseAndCollectSaysSo(@Postgres TestServer server) {
        String database = server.createDatabase();
        server.execute(database,
                "CREATE TABLE bookings (id int PRIMARY KEY, during tstzrange, EXCLUDE USING gist (during WITH &&))",
                "CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NULL; END$$",
                "CREATE TRIGGER bookings_truncated AFTER TRUNCATE ON bookings FOR EACH STATEMENT EXECUTE FUNCTION audit()",
                "CREATE FUNCTION lookup() RETURNS text LANGUAGE sql AS $$SELECT 'api_key=' || 'x'$$",
                "CREATE TABLE docs (id int PRIMARY KEY, doc jsonb)",
                "INSERT INTO docs VALUES (1, '{\"n\": 1e400}')");
        Path output = directory.resolve("schema.json");

        CommandRun collect = CommandRun.of("collect", server.endpoint().url() + "/" + database, "-o", output.toString(),
                "--sample", "5", "--no-progress");
        assertThat(collect.exitCode()).as(collect.all()).isZero();
        ContractSchemas.assertValidFile(output);

        CommandRun validate = CommandRun.of("validate", "--upstream", output.toString());

        assertThat(validate.exitCode()).as(validate.all()).isEqualTo(1);
        assertThat(validate.out().lines()).first().isEqualTo(output + ": valid");
        assertThat(validate.out().lines().skip(1)).singleElement().asString()
                .matches(".*: upstream would refuse: /functions/\\d+/definition: upstream's credential scan: .*\"key=\".*\\[.*api_key=.*\\]");
        assertThat(collect.err()).containsOnlyOnce("warning: upstream dbsurveyor's loader would refuse this document at /functions/");
    }

    @Test
    void aPlainDocumentFromARealServerLoads(@Postgres TestServer server) {
        String database = server.createDatabase();
        server.execute(database,
                "CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, price numeric(10,2) CHECK (price > 0))",
                "CREATE VIEW cheap AS SELECT id, name FROM items WHERE price < 10",
                "INSERT INTO items VALUES (1, 'pen', 1.50)");
        Path output = directory.resolve("schema.json");

        CommandRun collect = CommandRun.of("collect", server.endpoint().url() + "/" + database, "-o", output.toString(),
                "--sample", "5", "--no-progress");
        assertThat(collect.exitCode()).as(collect.all()).isZero();

        CommandRun validate = CommandRun.of("validate", "--upstream", output.toString());

        assertThat(validate.exitCode()).as(validate.all()).isZero();
        assertThat(validate.out().lines()).containsExactly(output + ": valid", output + ": upstream would load it");
    }
}
