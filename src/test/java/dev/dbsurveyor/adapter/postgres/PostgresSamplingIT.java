package dev.dbsurveyor.adapter.postgres;

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
import dev.dbsurveyor.testing.NonBlockingGuard;
import dev.dbsurveyor.testing.Postgres;
import dev.dbsurveyor.testing.Samples;
import dev.dbsurveyor.testing.StatementRewriting;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Samples of a real PostgreSQL database: one table per ordering strategy, typed values, hostile names, privileges. */
class PostgresSamplingIT {

    private static final String HOSTILE_SCHEMA = "we\"ird; --";
    private static final String HOSTILE_TABLE = "ta\"ble; DROP TABLE shop.orders; --";

    @BeforeAll
    static void failOnBlockingCalls() {
        NonBlockingGuard.install();
    }

    @Test
    void eachStrategyIsDetectedFromTheSchemaAndTheMostRecentRowsComeFirst(@Postgres TestServer server) {
        String database = fixture(server);

        DatabaseSchema document = collectAndSample(PostgresFixtures.adapter(server.endpoint()), database, rows(5).build());

        assertThat(OrderingStrategy.of(PostgresFixtures.table(document, "shop", "orders"))).isEqualTo(new OrderingStrategy.PrimaryKey(List.of("id")));
        assertThat(Samples.values(Samples.of(document, "orders"), "id")).containsExactly("30", "29", "28", "27", "26");
        assertThat(Samples.of(document, "orders").samplingStrategy()).isEqualTo(new SamplingStrategy.MostRecent(5));
        assertThat(Samples.of(document, "orders").sampleStatus()).isEqualTo(new SampleStatus.Complete());

        assertThat(OrderingStrategy.of(PostgresFixtures.table(document, "shop", "order_lines")))
                .isEqualTo(new OrderingStrategy.PrimaryKey(List.of("order_id", "line_no")));
        assertThat(Samples.values(Samples.of(document, "order_lines"), "sku")).containsExactly("sku-5-3", "sku-5-2", "sku-5-1", "sku-4-3", "sku-4-2");

        assertThat(OrderingStrategy.of(PostgresFixtures.table(document, "shop", "audit_log"))).isEqualTo(new OrderingStrategy.Timestamp("Created_At"));
        assertThat(Samples.values(Samples.of(document, "audit_log"), "message")).containsExactly("event 20", "event 19", "event 18", "event 17", "event 16");
        assertThat(Samples.of(document, "audit_log").rows().get(0).get("Created_At").asText()).isEqualTo("2026-01-01T20:00:00Z");

        assertThat(OrderingStrategy.of(PostgresFixtures.table(document, "shop", "counters"))).isEqualTo(new OrderingStrategy.AutoIncrement("n"));
        assertThat(Samples.values(Samples.of(document, "counters"), "n")).containsExactly("12", "11", "10", "9", "8");

        TableSample bag = Samples.of(document, "bag");
        assertThat(OrderingStrategy.of(PostgresFixtures.table(document, "shop", "bag"))).isEqualTo(new OrderingStrategy.Random());
        assertThat(bag.samplingStrategy()).isEqualTo(new SamplingStrategy.Random(5));
        assertThat(bag.rows()).hasSize(5);
        assertThat(bag.warnings()).anySatisfy(warning -> assertThat(warning).contains("random"));

        TableSample big = Samples.of(document, "big_bag");
        assertThat(big.samplingStrategy()).isEqualTo(new SamplingStrategy.Random(5));
        assertThat(big.totalRows()).isGreaterThan(100_000L);
        assertThat(big.rows()).hasSize(5);
        assertThat(big.warnings()).anySatisfy(warning -> assertThat(warning).contains("TABLESAMPLE SYSTEM"));

        TableSample empty = Samples.of(document, "nothing_here");
        assertThat(empty.rows()).isEmpty();
        assertThat(empty.sampleSize()).isZero();
        assertThat(empty.sampleStatus()).isEqualTo(new SampleStatus.Complete());

        assertThat(document.samples()).extracting(TableSample::tableName).contains("readings").doesNotContain("readings_2026");
        assertThat(Samples.of(document, "readings").rows()).hasSize(5);
        assertThat(document.collectionMetadata().objectFailures()).isEmpty();
    }

    @Test
    void valuesAreWrittenFaithfullyAndLongOnesAreCut(@Postgres TestServer server) {
        String database = fixture(server);

        DatabaseSchema document = collectAndSample(PostgresFixtures.adapter(server.endpoint()), database, rows(1).maxValueLength(100).build());

        ObjectNode row = Samples.of(document, "typed_values").rows().get(0);
        assertThat(row.get("exact").isTextual()).isTrue();
        assertThat(row.get("exact").asText()).isEqualTo("12345678901234567890.0123456789");
        assertThat(row.get("small_exact").isNumber()).isTrue();
        assertThat(row.get("small_exact").decimalValue()).isEqualByComparingTo("1234.50");
        assertThat(row.get("big").asText()).isEqualTo("9007199254740993");
        assertThat(row.get("big").isTextual()).isTrue();
        assertThat(row.get("modest").isNumber()).isTrue();
        assertThat(row.get("modest").asLong()).isEqualTo(42);
        assertThat(row.get("ratio").asDouble()).isEqualTo(0.25);
        assertThat(row.get("not_a_number").asText()).isEqualTo("NaN");
        assertThat(Base64.getDecoder().decode(row.get("payload").asText())).containsExactly(0x00, 0xff, 0x10);
        assertThat(row.get("happened").asText()).isEqualTo("2026-11-23T15:30:00.125Z");
        assertThat(row.get("local_time").asText()).isEqualTo("2026-11-23T15:30:00");
        assertThat(row.get("day").asText()).isEqualTo("2026-11-23");
        assertThat(row.get("doc").get("a").get(1).decimalValue()).isEqualByComparingTo("2.5");
        assertThat(row.get("doc").get("b").get("c").isNull()).isTrue();
        assertThat(row.get("tags")).extracting(JsonNode::asText).containsExactly("red", "green");
        assertThat(Base64.getDecoder().decode(row.get("blobs").get(0).asText())).containsExactly(0x01);
        assertThat(row.get("mood").asText()).isEqualTo("happy");
        assertThat(row.get("maybe").booleanValue()).isTrue();
        assertThat(row.get("address").asText()).isEqualTo("10.0.0.1");
        assertThat(row.get("nothing").isNull()).isTrue();
        assertThat(row.get("long_text").asText()).isEqualTo("é".repeat(100) + SampleValues.TRUNCATION_MARKER);
        assertThat(Samples.of(document, "typed_values").warnings()).anySatisfy(warning -> assertThat(warning).contains("100 characters"));
    }

    @Test
    void hostileNamesAreQuotedAndSampledExactly(@Postgres TestServer server) {
        String database = fixture(server);

        DatabaseSchema document = collectAndSample(PostgresFixtures.adapter(server.endpoint()), database, rows(5).build());

        TableSample hostile = document.samples().stream().filter(sample -> HOSTILE_TABLE.equals(sample.tableName())).findFirst().orElseThrow();
        assertThat(hostile.schemaName()).isEqualTo(HOSTILE_SCHEMA);
        assertThat(hostile.rows()).hasSize(2);
        assertThat(hostile.rows().get(0).get("co\"l; --").asInt()).isEqualTo(2);
        assertThat(hostile.rows().get(0).get("select").asText()).isEqualTo("where");
        assertThat(hostile.rows().get(0).get("ünï cödé").asText()).isEqualTo("ø");
        assertThat(server.query(database, "SELECT count(*) AS n FROM shop.orders").get(0).get("n")).isEqualTo(30L);
    }

    @Test
    void sensitiveColumnsAreRedactedUnlessTurnedOff(@Postgres TestServer server) {
        String database = fixture(server);

        ObjectNode redacted = Samples.of(collectAndSample(PostgresFixtures.adapter(server.endpoint()), database, rows(1).build()), "accounts").rows().get(0);
        ObjectNode plain = Samples.of(collectAndSample(PostgresFixtures.adapter(server.endpoint()), database, rows(1).redact(false).build()), "accounts")
                .rows().get(0);

        for (String column : List.of("Email", "password_hash", "phoneNumber", "api_key", "date_of_birth")) {
            assertThat(redacted.get(column).asText()).as(column).isEqualTo(SensitiveColumns.REDACTED);
        }
        assertThat(redacted.get("display_name").asText()).isEqualTo("Ada");
        assertThat(redacted.get("id").asInt()).isEqualTo(1);
        assertThat(plain.get("Email").asText()).isEqualTo("ada@example.com");
        assertThat(plain.get("password_hash").asText()).isEqualTo("$2b$12$hash");
        assertThat(plain.get("date_of_birth").asText()).isEqualTo("1815-12-10");
    }

    @Test
    void aTableTheRoleCannotReadIsSkippedAndTheRestIsKept(@Postgres TestServer server) {
        String database = fixture(server);
        String role = server.createRole("sampler-pw");
        String quoted = server.engine().quote(role);
        server.execute(database, "GRANT USAGE ON SCHEMA shop TO " + quoted, "GRANT SELECT ON ALL TABLES IN SCHEMA shop TO " + quoted,
                "REVOKE SELECT ON shop.accounts FROM " + quoted);
        ServerTarget target = ServerTarget.parse(server.endpoint().url().replaceFirst("://[^@]*@", "://" + role + ":sampler-pw@"),
                PostgresFixtures.NO_ENVIRONMENT);

        DatabaseSchema document = collectAndSample(PostgresAdapter.create(target, ConnectionConfig.defaults()), database, rows(3).build());

        TableSample accounts = Samples.of(document, "accounts");
        assertThat(accounts.sampleStatus()).isInstanceOf(SampleStatus.Skipped.class);
        assertThat(accounts.rows()).isEmpty();
        assertThat(accounts.samplingStrategy()).isEqualTo(new SamplingStrategy.None());
        assertThat(document.collectionMetadata().objectFailures()).filteredOn(failure -> failure.objectName().equals("accounts"))
                .singleElement()
                .satisfies(failure -> {
                    assertThat(failure.objectType()).isEqualTo(ObjectType.TABLE);
                    assertThat(failure.schemaName()).isEqualTo("shop");
                    assertThat(failure.stage()).isEqualTo(CollectionStage.SAMPLE_DATA);
                    assertThat(failure.errorCategory()).isEqualTo(ErrorCategory.PERMISSION);
                    assertThat(failure.retryAttempts()).isZero();
                });
        assertThat(Samples.values(Samples.of(document, "orders"), "id")).containsExactly("30", "29", "28");
        assertThat(document.tables()).hasSizeGreaterThan(8);
    }

    @Test
    void aFailedSampleIsReadAgainWithHalfTheLimitOnceThenSkipped(@Postgres TestServer server) {
        String database = fixture(server);
        AtomicInteger rewrites = new AtomicInteger();
        // The first read of orders (LIMIT 6) names a column that does not exist, as a table changed since it was described would.
        PostgresAdapter adapter = PostgresAdapter.create(PostgresFixtures.target(server.endpoint()), ConnectionConfig.defaults(),
                StatementRewriting.rewriting(sql -> sql.contains("FROM \"shop\".\"orders\" ORDER BY \"id\" DESC NULLS LAST LIMIT 6")
                        || sql.contains("FROM \"shop\".\"bag\"") ? sql.replace("\"customer\"", "\"customer_gone\"").replace("\"weight\"", "\"gone\"")
                        : sql, rewrites));

        DatabaseSchema document = collectAndSample(adapter, database, rows(6).build());

        TableSample orders = Samples.of(document, "orders");
        assertThat(orders.sampleStatus()).isEqualTo(new SampleStatus.PartialRetry(6));
        assertThat(orders.samplingStrategy()).isEqualTo(new SamplingStrategy.MostRecent(3));
        assertThat(Samples.values(orders, "id")).containsExactly("30", "29", "28");
        TableSample bag = Samples.of(document, "bag");
        assertThat(bag.sampleStatus()).isInstanceOf(SampleStatus.Skipped.class);
        assertThat(document.collectionMetadata().objectFailures()).singleElement()
                .extracting(ObjectFailure::objectName, ObjectFailure::retryAttempts, ObjectFailure::errorCategory)
                .containsExactly("bag", 1, ErrorCategory.NOT_FOUND);
        assertThat(rewrites.get()).isEqualTo(3);
    }

    private static String fixture(TestServer server) {
        String database = server.createDatabase();
        server.execute(database, PostgresFixtures.sql("sampling.sql"));
        return database;
    }

    private static SamplingConfig.Builder rows(int rows) {
        return SamplingConfig.builder().rowsPerTable(rows).queriesPerSecond(1_000);
    }

    private static DatabaseSchema collectAndSample(PostgresAdapter adapter, String database, SamplingConfig config) {
        try {
            DatabaseSchema document = adapter.collect(database).flatMap(collected -> adapter.sample(collected, TableSampler.of(config))).block();
            ContractSchemas.assertValid(document);
            return document;
        } finally {
            adapter.close().block();
        }
    }

}
