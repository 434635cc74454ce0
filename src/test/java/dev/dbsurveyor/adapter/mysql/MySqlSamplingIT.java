package dev.dbsurveyor.adapter.mysql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.SamplingConfig;
import dev.dbsurveyor.model.CollectionStage;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.ErrorCategory;
import dev.dbsurveyor.model.ObjectFailure;
import dev.dbsurveyor.model.ObjectType;
import dev.dbsurveyor.model.SampleStatus;
import dev.dbsurveyor.model.SamplingStrategy;
import dev.dbsurveyor.model.TableSample;
import dev.dbsurveyor.sampling.OrderingStrategy;
import dev.dbsurveyor.sampling.SampleValues;
import dev.dbsurveyor.sampling.SensitiveColumns;
import dev.dbsurveyor.sampling.TableSampler;
import dev.dbsurveyor.server.ServerTarget;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.MySql;
import dev.dbsurveyor.testing.NonBlockingGuard;
import dev.dbsurveyor.testing.Samples;
import dev.dbsurveyor.testing.StatementRewriting;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Samples of a real MySQL or MariaDB database with a hostile name: one table per ordering
 * strategy, typed values, hostile table and column names, privileges.
 */
class MySqlSamplingIT {

    private static final String HOSTILE_TABLE = "ta`ble; DROP TABLE orders; --";

    @BeforeAll
    static void failOnBlockingCalls() {
        NonBlockingGuard.install();
    }

    @Test
    void eachStrategyIsDetectedFromTheSchemaAndTheMostRecentRowsComeFirst(@MySql TestServer server) {
        String database = fixture(server);

        DatabaseSchema document = collectAndSample(MySqlFixtures.adapter(server.endpoint()), database, rows(5).build());

        assertThat(OrderingStrategy.of(MySqlFixtures.table(document, "orders"))).isEqualTo(new OrderingStrategy.PrimaryKey(List.of("id")));
        assertThat(Samples.values(Samples.of(document, "orders"), "id")).containsExactly("30", "29", "28", "27", "26");
        assertThat(Samples.of(document, "orders").samplingStrategy()).isEqualTo(new SamplingStrategy.MostRecent(5));
        assertThat(Samples.of(document, "orders").sampleStatus()).isEqualTo(new SampleStatus.Complete());
        assertThat(Samples.of(document, "orders").schemaName()).isEqualTo(database);

        assertThat(OrderingStrategy.of(MySqlFixtures.table(document, "order_lines")))
                .isEqualTo(new OrderingStrategy.PrimaryKey(List.of("order_id", "line_no")));
        assertThat(Samples.values(Samples.of(document, "order_lines"), "sku")).containsExactly("sku-5-3", "sku-5-2", "sku-5-1", "sku-4-3", "sku-4-2");

        assertThat(OrderingStrategy.of(MySqlFixtures.table(document, "audit_log"))).isEqualTo(new OrderingStrategy.Timestamp("Created_At"));
        assertThat(Samples.values(Samples.of(document, "audit_log"), "message")).containsExactly("event 20", "event 19", "event 18", "event 17", "event 16");
        assertThat(Samples.of(document, "audit_log").rows().get(0).get("Created_At").asText()).isEqualTo("2026-01-01T20:00:00Z");

        assertThat(OrderingStrategy.of(MySqlFixtures.table(document, "counters"))).isEqualTo(new OrderingStrategy.AutoIncrement("n"));
        assertThat(Samples.values(Samples.of(document, "counters"), "n")).containsExactly("12", "11", "10", "9", "8");

        TableSample bag = Samples.of(document, "bag");
        assertThat(OrderingStrategy.of(MySqlFixtures.table(document, "bag"))).isEqualTo(new OrderingStrategy.Random());
        assertThat(bag.samplingStrategy()).isEqualTo(new SamplingStrategy.Random(5));
        assertThat(bag.rows()).hasSize(5);
        assertThat(bag.warnings()).anySatisfy(warning -> assertThat(warning).contains("random"));

        TableSample big = Samples.of(document, "big_bag");
        assertThat(big.samplingStrategy()).isEqualTo(new SamplingStrategy.Random(5));
        assertThat(big.totalRows()).isGreaterThan(100_000L);
        assertThat(big.rows()).hasSize(5);
        assertThat(big.warnings()).anySatisfy(warning -> assertThat(warning).contains("in the order the server returns them"));

        TableSample empty = Samples.of(document, "nothing_here");
        assertThat(empty.rows()).isEmpty();
        assertThat(empty.sampleSize()).isZero();
        assertThat(empty.sampleStatus()).isEqualTo(new SampleStatus.Complete());
        assertThat(document.collectionMetadata().objectFailures()).isEmpty();
    }

    @Test
    void valuesAreWrittenFaithfullyAndLongOnesAreCut(@MySql TestServer server) {
        String database = fixture(server);

        DatabaseSchema document = collectAndSample(MySqlFixtures.adapter(server.endpoint()), database, rows(1).maxValueLength(100).build());

        ObjectNode row = Samples.of(document, "typed_values").rows().get(0);
        assertThat(row.get("exact").isTextual()).isTrue();
        assertThat(row.get("exact").asText()).isEqualTo("12345678901234567890.0123456789");
        assertThat(row.get("small_exact").isNumber()).isTrue();
        assertThat(row.get("small_exact").decimalValue()).isEqualByComparingTo("1234.50");
        assertThat(row.get("big").isTextual()).isTrue();
        assertThat(row.get("big").asText()).isEqualTo("18446744073709551615");
        assertThat(row.get("modest").isNumber()).isTrue();
        assertThat(row.get("modest").asLong()).isEqualTo(42);
        assertThat(row.get("ratio").asDouble()).isEqualTo(0.25);
        assertThat(row.get("single").toString()).isEqualTo("1.1");
        assertThat(Base64.getDecoder().decode(row.get("payload").asText())).containsExactly(0x00, 0xff, 0x10);
        assertThat(row.get("happened").asText()).isEqualTo("2026-11-23T15:30:00.125Z");
        assertThat(row.get("local_time").asText()).isEqualTo("2026-11-23T15:30:00");
        assertThat(row.get("day").asText()).isEqualTo("2026-11-23");
        assertThat(row.get("span").asText()).isEqualTo("-838:59:59");
        assertThat(row.get("doc").get("a").get(1).decimalValue()).isEqualByComparingTo("2.5");
        assertThat(row.get("doc").get("b").get("c").isNull()).isTrue();
        assertThat(row.get("colour").asText()).isEqualTo("green");
        assertThat(row.get("flags")).extracting(JsonNode::asText).containsExactly("a", "c");
        assertThat(row.get("bits").asInt()).isEqualTo(513);
        assertThat(row.get("yr").asInt()).isEqualTo(2026);
        assertThat(row.get("maybe").asText()).isIn("true", "1");
        assertThat(row.get("nothing").isNull()).isTrue();
        assertThat(row.get("long_text").asText()).isEqualTo("é".repeat(100) + SampleValues.TRUNCATION_MARKER);
    }

    @Test
    void hostileNamesAreQuotedAndSampledExactly(@MySql TestServer server) {
        String database = fixture(server);

        DatabaseSchema document = collectAndSample(MySqlFixtures.adapter(server.endpoint()), database, rows(5).build());

        TableSample hostile = document.samples().stream().filter(sample -> HOSTILE_TABLE.equals(sample.tableName())).findFirst().orElseThrow();
        assertThat(hostile.rows()).hasSize(2);
        assertThat(hostile.rows().get(0).get("co`l; --").asInt()).isEqualTo(2);
        assertThat(hostile.rows().get(0).get("select").asText()).isEqualTo("where");
        assertThat(hostile.rows().get(0).get("ünï cödé").asText()).isEqualTo("ø");
        assertThat(server.query(database, "SELECT count(*) AS n FROM orders").get(0).get("n")).isEqualTo(30L);
    }

    @Test
    void sensitiveColumnsAreRedactedUnlessTurnedOff(@MySql TestServer server) {
        String database = fixture(server);

        ObjectNode redacted = Samples.of(collectAndSample(MySqlFixtures.adapter(server.endpoint()), database, rows(1).build()), "accounts").rows().get(0);
        ObjectNode plain = Samples.of(collectAndSample(MySqlFixtures.adapter(server.endpoint()), database, rows(1).redact(false).build()), "accounts")
                .rows().get(0);

        for (String column : List.of("Email", "password_hash", "phoneNumber", "api_key", "date_of_birth")) {
            assertThat(redacted.get(column).asText()).as(column).isEqualTo(SensitiveColumns.REDACTED);
        }
        assertThat(redacted.get("display_name").asText()).isEqualTo("Ada");
        assertThat(plain.get("Email").asText()).isEqualTo("ada@example.com");
        assertThat(plain.get("date_of_birth").asText()).isEqualTo("1815-12-10");
    }

    @Test
    void aTableTheRoleCannotReadIsSkippedAndTheRestIsKept(@MySql TestServer server) {
        String database = fixture(server);
        String user = server.createRole("sampler-pw");
        String quoted = server.engine().quote(database);
        for (String table : List.of("orders", "bag")) {
            server.execute(null, "GRANT SELECT ON " + quoted + "." + table + " TO '" + user + "'@'%'");
        }
        // A privilege other than SELECT shows the table in the catalog without letting its rows be read.
        server.execute(null, "GRANT REFERENCES ON " + quoted + ".accounts TO '" + user + "'@'%'");
        ServerTarget target = ServerTarget.parse(server.endpoint().url().replaceFirst("://[^@]*@", "://" + user + ":sampler-pw@"),
                MySqlFixtures.NO_ENVIRONMENT);

        DatabaseSchema document = collectAndSample(MySqlAdapter.create(target, ConnectionConfig.defaults()), database, rows(3).build());

        TableSample accounts = Samples.of(document, "accounts");
        assertThat(accounts.sampleStatus()).isInstanceOf(SampleStatus.Skipped.class);
        assertThat(accounts.rows()).isEmpty();
        assertThat(accounts.samplingStrategy()).isEqualTo(new SamplingStrategy.None());
        assertThat(document.collectionMetadata().objectFailures()).singleElement().satisfies(failure -> {
            assertThat(failure.objectName()).isEqualTo("accounts");
            assertThat(failure.objectType()).isEqualTo(ObjectType.TABLE);
            assertThat(failure.stage()).isEqualTo(CollectionStage.SAMPLE_DATA);
            assertThat(failure.errorCategory()).isEqualTo(ErrorCategory.PERMISSION);
            assertThat(failure.retryAttempts()).isZero();
        });
        assertThat(Samples.values(Samples.of(document, "orders"), "id")).containsExactly("30", "29", "28");
        assertThat(Samples.of(document, "bag").rows()).hasSize(3);
    }

    @Test
    void aFailedSampleIsReadAgainWithHalfTheLimitOnceThenSkipped(@MySql TestServer server) {
        String database = fixture(server);
        AtomicInteger rewrites = new AtomicInteger();
        String from = "FROM " + server.engine().quote(database) + ".";
        // The first read of orders (LIMIT 6) names a column that does not exist, as a table changed since it was described would.
        MySqlAdapter adapter = MySqlAdapter.create(MySqlFixtures.target(server.endpoint()), ConnectionConfig.defaults(),
                StatementRewriting.rewriting(sql -> sql.contains(from + "`orders` ORDER BY `id` DESC LIMIT 6") || sql.contains(from + "`bag`")
                        ? sql.replace("`customer`", "`customer_gone`").replace("`weight`", "`gone`")
                        : sql, rewrites));

        DatabaseSchema document = collectAndSample(adapter, database, rows(6).build());

        TableSample orders = Samples.of(document, "orders");
        assertThat(orders.sampleStatus()).isEqualTo(new SampleStatus.PartialRetry(6));
        assertThat(orders.samplingStrategy()).isEqualTo(new SamplingStrategy.MostRecent(3));
        assertThat(Samples.values(orders, "id")).containsExactly("30", "29", "28");
        assertThat(Samples.of(document, "bag").sampleStatus()).isInstanceOf(SampleStatus.Skipped.class);
        assertThat(document.collectionMetadata().objectFailures()).singleElement()
                .extracting(ObjectFailure::objectName, ObjectFailure::retryAttempts, ObjectFailure::errorCategory)
                .containsExactly("bag", 1, ErrorCategory.NOT_FOUND);
        assertThat(rewrites.get()).isEqualTo(3);
    }

    private static String fixture(TestServer server) {
        String database = server.createDatabase(TestServer.uniqueName("Sample `db` 'ü'; -- "));
        MySqlFixtures.load(server, database, "sampling.sql");
        return database;
    }

    private static SamplingConfig.Builder rows(int rows) {
        return SamplingConfig.builder().rowsPerTable(rows).queriesPerSecond(1_000);
    }

    private static DatabaseSchema collectAndSample(MySqlAdapter adapter, String database, SamplingConfig config) {
        try {
            DatabaseSchema document = adapter.collect(database).flatMap(collected -> adapter.sample(collected, TableSampler.of(config))).block();
            ContractSchemas.assertValid(document);
            return document;
        } finally {
            adapter.close().block();
        }
    }

}
