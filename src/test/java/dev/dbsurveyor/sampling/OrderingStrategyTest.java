package dev.dbsurveyor.sampling;

import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.PrimaryKey;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.model.UnifiedDataType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderingStrategyTest {

    private static final UnifiedDataType TIMESTAMP = new UnifiedDataType.DateTimeType(true);
    private static final UnifiedDataType TEXT = new UnifiedDataType.StringType(null);
    private static final UnifiedDataType NUMBER = new UnifiedDataType.IntegerType(64, true);

    @Test
    void thePrimaryKeyComesFirstWithItsColumnsInKeyOrder() {
        Table table = table(new PrimaryKey("pk", List.of("b", "a")), column("a", NUMBER, true), column("b", NUMBER, false),
                column("created_at", TIMESTAMP, false));

        assertThat(OrderingStrategy.of(table)).isEqualTo(new OrderingStrategy.PrimaryKey(List.of("b", "a")));
    }

    @Test
    void timestampNamesAreTakenInTheirOrderOfPreferenceWhateverTheirCase() {
        Table table = table(null, column("Updated_At", TIMESTAMP, false), column("CREATED_AT", TIMESTAMP, false),
                column("id", NUMBER, true));

        assertThat(OrderingStrategy.of(table)).isEqualTo(new OrderingStrategy.Timestamp("CREATED_AT"));
    }

    @Test
    void aDateColumnCountsAndAColumnNamedLikeATimestampOfAnotherTypeDoesNot() {
        assertThat(OrderingStrategy.of(table(null, column("created_at", TEXT, false), column("date_created", new UnifiedDataType.DateType(), false))))
                .isEqualTo(new OrderingStrategy.Timestamp("date_created"));
        assertThat(OrderingStrategy.of(table(null, column("created_at", TEXT, false), column("n", NUMBER, true))))
                .isEqualTo(new OrderingStrategy.AutoIncrement("n"));
    }

    @Test
    void everyNameOfTheListIsRecognised() {
        for (String name : OrderingStrategy.TIMESTAMP_NAMES) {
            assertThat(OrderingStrategy.of(table(null, column("other", TEXT, false), column(name, TIMESTAMP, false))))
                    .isEqualTo(new OrderingStrategy.Timestamp(name));
        }
    }

    @Test
    void aTableWithoutAnyOrderIsSampledAtRandom() {
        OrderingStrategy strategy = OrderingStrategy.of(table(null, column("word", TEXT, false), column("created", TEXT, false)));

        assertThat(strategy).isEqualTo(new OrderingStrategy.Random());
        assertThat(strategy.columns()).isEmpty();
    }

    private static Column column(String name, UnifiedDataType type, boolean autoIncrement) {
        return new Column(name, type, true, false, autoIncrement, null, null, 1, null);
    }

    private static Table table(PrimaryKey key, Column... columns) {
        return new Table("t", "s", List.of(columns), key, List.of(), List.of(), List.of(), null, null, null, null);
    }
}
