package dev.dbsurveyor.report;

import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.output.ContractMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Which diagrams a database gets, and that no name can change a diagram's syntax. */
class ErDiagramsTest {

    private static final Pattern ENTITY = Pattern.compile("(?m)^  (t\\d+)\\[\"([^\"]*)\"] \\{$");
    private static final Pattern RELATION = Pattern.compile("(?m)^  (t\\d+) \\|[|o]--o\\{ (t\\d+) : \"[^\"]*\"$");

    private static DatabaseSchema schema(ObjectNode document) throws Exception {
        return ContractMapper.mapper().treeToValue(document, DatabaseSchema.class);
    }

    private static List<String> entities(ErDiagram diagram) {
        return ENTITY.matcher(diagram.source()).results().map(match -> match.group(2)).toList();
    }

    private static long relations(ErDiagram diagram) {
        return RELATION.matcher(diagram.source()).results().count();
    }

    @Test
    void aDatabaseOfAtMostFortyTablesIsDrawnWholeWithEveryForeignKey() throws Exception {
        List<ErDiagram> diagrams = ErDiagrams.of(schema(ReportDocuments.tables(ErDiagrams.MAX_TABLES)));

        assertThat(diagrams).hasSize(1);
        assertThat(diagrams.get(0).scope()).isEqualTo(ErDiagram.Scope.DATABASE);
        assertThat(entities(diagrams.get(0))).hasSize(ErDiagrams.MAX_TABLES).startsWith("s0.t0", "s0.t1");
        assertThat(relations(diagrams.get(0))).isEqualTo(ErDiagrams.MAX_TABLES - 1);
        assertThat(diagrams.get(0).source()).contains("  t0 |o--o{ t1 : \"t1_parent\"");
    }

    @Test
    void aLargerDatabaseIsSplitBySchemaAndTheTablesOfACrowdedSchemaGetTheirNeighbourhoods() throws Exception {
        List<ErDiagram> diagrams = ErDiagrams.of(schema(ReportDocuments.tables(30, 1000)));

        assertThat(diagrams.get(0).scope()).isEqualTo(ErDiagram.Scope.SCHEMA);
        assertThat(diagrams.get(0).title()).isEqualTo("Schema s0");
        assertThat(entities(diagrams.get(0))).hasSize(30);
        List<ErDiagram> neighbourhoods = diagrams.subList(1, diagrams.size());
        assertThat(neighbourhoods).hasSize(1000).allSatisfy(diagram -> {
            assertThat(diagram.scope()).isEqualTo(ErDiagram.Scope.NEIGHBOURHOOD);
            assertThat(diagram.tables()).isBetween(2, 3);
        });
        ErDiagram middle = neighbourhoods.get(500);
        assertThat(middle.title()).isEqualTo("Neighbourhood of s1.t500");
        assertThat(entities(middle)).containsExactly("s1.t500", "s1.t499", "s1.t501");
        assertThat(relations(middle)).isEqualTo(2);
        assertThat(middle.focus()).isEqualTo(530);
    }

    @Test
    void aNeighbourhoodDrawsAtMostFortyTablesAndCountsTheRest() throws Exception {
        ObjectNode document = ReportDocuments.tables(100);
        for (int i = 2; i < 100; i++) {
            ((ObjectNode) document.at("/tables/" + i + "/foreign_keys/0")).put("referenced_table", "t0");
        }

        List<ErDiagram> diagrams = ErDiagrams.of(schema(document));

        ErDiagram hub = diagrams.get(0);
        assertThat(hub.title()).isEqualTo("Neighbourhood of s0.t0");
        assertThat(hub.tables()).isEqualTo(ErDiagrams.MAX_TABLES);
        assertThat(hub.leftOut()).isEqualTo(99 - (ErDiagrams.MAX_TABLES - 1));
        assertThat(entities(hub)).hasSize(ErDiagrams.MAX_TABLES);
    }

    @Test
    void hostileNamesBecomeSafeLabelsAndTokensAndEveryLineKeepsTheGrammar() throws Exception {
        DatabaseSchema schema = schema(ReportDocuments.hostile(ReportDocuments.postgres()));

        ErDiagram diagram = ErDiagrams.of(schema).get(0);

        assertThat(entities(diagram)).hasSize(schema.tables().size()).first().asString()
                .doesNotContain("<", ">", "\"", "'", "`", "|", "{", "}", ";", "#", "&")
                .startsWith("shop.table _script_alert(1)_/script__img src=x onerror=alert(2)");
        Pattern line = Pattern.compile("erDiagram|  t\\d+\\[\"[^\"<>{}`#;&]*\"] \\{|    [A-Za-z][A-Za-z0-9_()\\[\\]]* [A-Za-z][A-Za-z0-9_]*( PK| FK| PK,FK)?"
                + "|    more columns \"\\d+ more\"|  }|  t\\d+ \\|[|o]--o\\{ t\\d+ : \"[^\"<>{}`#;&]*\"");
        for (String each : diagram.source().split("\n")) {
            assertThat(each).matches(line);
        }
        Matcher hostileColumn = Pattern.compile("(?m)^    \\S+ (column_\\S+)").matcher(diagram.source());
        assertThat(hostileColumn.find()).isTrue();
        assertThat(hostileColumn.group(1)).matches("[A-Za-z0-9_]+");
    }

    @Test
    void labelsKeepLettersDigitsAndPlainPunctuationOnly() {
        assertThat(ErDiagrams.label("Odd \"Schema\" ü.x;y")).isEqualTo("Odd _Schema_ ü.x_y");
        assertThat(ErDiagrams.token("1st col", "column")).isEqualTo("column_1st_col");
        assertThat(ErDiagrams.token("", "column")).isEqualTo("column_");
        assertThat(ErDiagrams.typeToken("Array<String>")).isEqualTo("Array_String_");
        assertThat(ErDiagrams.typeToken("\"char\"")).isEqualTo("type__char_");
    }

    @Test
    void aDatabaseWithoutTablesHasNoDiagram() throws Exception {
        assertThat(ErDiagrams.of(schema(ReportDocuments.tables()))).isEmpty();
    }
}
