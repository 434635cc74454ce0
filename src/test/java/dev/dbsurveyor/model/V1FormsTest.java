package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.testing.ContractSchemas;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What v1.0 has no word for is written in its closest true v1.0 form, with the exact form in an addition beside it. */
class V1FormsTest {

    private final ObjectMapper mapper = ContractMapper.mapper();

    @Test
    void anExclusionConstraintIsACheckWhoseClauseIsItsDefinitionAndWhoseKindSaysExclusion() throws Exception {
        Constraint exclusion = new Constraint("no_overlap", "bookings", "public", ConstraintType.EXCLUSION, List.of("room", "during"),
                "EXCLUDE USING gist (room WITH =, during WITH &&)");

        JsonNode json = mapper.valueToTree(exclusion);

        assertThat(json.get("constraint_type").asText()).isEqualTo("Check");
        assertThat(json.get("constraint_kind").asText()).isEqualTo("Exclusion");
        assertThat(json.get("check_clause").asText()).isEqualTo("EXCLUDE USING gist (room WITH =, during WITH &&)");
        Constraint read = mapper.treeToValue(json, Constraint.class);
        assertThat(read).isEqualTo(exclusion);
        assertThat(read.kind()).isEqualTo(ConstraintType.EXCLUSION);
    }

    @Test
    void aV1ConstraintHasNoKindBesideItsType() throws Exception {
        Constraint check = new Constraint("positive", "t", "public", ConstraintType.CHECK, List.of("n"), "CHECK (n > 0)");

        JsonNode json = mapper.valueToTree(check);

        assertThat(json.get("constraint_type").asText()).isEqualTo("Check");
        assertThat(json.get("constraint_kind").isNull()).isTrue();
        assertThat(check.kind()).isEqualTo(ConstraintType.CHECK);
    }

    @Test
    void aFileOfAnEarlierReleaseWithExclusionAsItsTypeReadsAsTheSameConstraint() throws Exception {
        Constraint read = mapper.readValue("""
                {"name":"x","table_name":"t","schema":null,"constraint_type":"Exclusion","columns":["a"],"check_clause":"EXCLUDE (a WITH =)"}""",
                Constraint.class);

        assertThat(read.constraintType()).isEqualTo(ConstraintType.CHECK);
        assertThat(read.kind()).isEqualTo(ConstraintType.EXCLUSION);
    }

    @Test
    void aTriggerOnTruncateAloneIsListedApartAndOneOnTruncateAndMoreNamesAV1Event() throws Exception {
        Trigger truncateOnly = new Trigger("wipe", "t", "public", TriggerEvent.TRUNCATE, TriggerTiming.AFTER, null, List.of(TriggerEvent.TRUNCATE));
        Trigger truncateOrInsert = new Trigger("both", "t", "public", TriggerEvent.TRUNCATE, TriggerTiming.AFTER, null,
                List.of(TriggerEvent.TRUNCATE, TriggerEvent.INSERT));
        DatabaseSchema document = ContractFixtures.stubDocument("d", CollectionStatus.SUCCESS);
        DatabaseSchema withTriggers = new DatabaseSchema(document.formatVersion(), document.databaseInfo(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(truncateOnly, truncateOrInsert), List.of(), null, document.collectionMetadata(),
                List.of());

        String json = ContractSchemas.assertValid(withTriggers);
        JsonNode tree = mapper.readTree(json);

        assertThat(truncateOrInsert.event()).isEqualTo(TriggerEvent.INSERT);
        assertThat(tree.at("/triggers").size()).isEqualTo(1);
        assertThat(tree.at("/triggers/0/name").asText()).isEqualTo("both");
        assertThat(tree.at("/triggers/0/event").asText()).isEqualTo("Insert");
        assertThat(tree.at("/truncate_triggers/0/name").asText()).isEqualTo("wipe");
        assertThat(mapper.readValue(json, DatabaseSchema.class).allTriggers()).containsExactly(truncateOrInsert, truncateOnly);
    }

    @Test
    void ourSchemaRefusesAV1TriggerListWithATruncateEventAndAV1TypeOfExclusion() {
        String document = ContractSchemas.assertValid(ContractFixtures.stubDocument("d", CollectionStatus.SUCCESS));
        String withTruncate = document.replace("\"triggers\":[]", "\"triggers\":[{\"name\":\"w\",\"table_name\":\"t\",\"event\":\"Truncate\",\"timing\":\"After\"}]");
        String withExclusion = document.replace("\"constraints\":[]",
                "\"constraints\":[{\"name\":\"x\",\"table_name\":\"t\",\"constraint_type\":\"Exclusion\",\"columns\":[]}]");

        assertThat(withTruncate).isNotEqualTo(document);
        assertThat(withExclusion).isNotEqualTo(document);
        assertThat(ContractSchemas.errors(ContractSchemas.Kind.DOCUMENT, withTruncate)).isNotEmpty();
        assertThat(ContractSchemas.errors(ContractSchemas.Kind.DOCUMENT, withExclusion)).isNotEmpty();
    }

    @Test
    void truncateTriggersHoldOnlyTriggersOnTruncateAlone() {
        Trigger insert = new Trigger("ins", "t", "public", TriggerEvent.INSERT, TriggerTiming.AFTER, null, List.of(TriggerEvent.INSERT));
        DatabaseSchema document = ContractFixtures.stubDocument("d", CollectionStatus.SUCCESS);

        assertThatThrownBy(() -> new DatabaseSchema(document.formatVersion(), document.databaseInfo(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), null, document.collectionMetadata(), List.of(), List.of(insert)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
