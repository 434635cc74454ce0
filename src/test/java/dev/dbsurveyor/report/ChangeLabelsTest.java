package dev.dbsurveyor.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbsurveyor.model.FieldChange;
import dev.dbsurveyor.output.ContractMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Changed values as people read them: a column type by its label, anything else as the document has it. */
class ChangeLabelsTest {

    private static JsonNode json(String text) throws Exception {
        return ContractMapper.mapper().readTree(text);
    }

    @Test
    void aChangedColumnTypeReadsAsItsLabels() throws Exception {
        FieldChange change = new FieldChange("data_type", json("{\"Integer\":{\"bits\":32,\"signed\":true}}"),
                json("{\"String\":{\"max_length\":255}}"));

        assertThat(ChangeLabels.before(change)).isEqualTo("Integer(32)");
        assertThat(ChangeLabels.after(change)).isEqualTo("String(255)");
    }

    @Test
    void aTypeTheContractDoesNotKnowAndOtherFieldsReadAsTheDocumentHasThem() throws Exception {
        FieldChange unknown = new FieldChange("data_type", json("{\"Quantum\":{}}"), json("null"));
        FieldChange nullable = new FieldChange("is_nullable", json("true"), json("false"));
        FieldChange comment = new FieldChange("comment", json("\"old words\""), json("{\"odd\":1}"));

        assertThat(ChangeLabels.before(unknown)).isEqualTo("{\"Quantum\":{}}");
        assertThat(ChangeLabels.after(unknown)).isEqualTo("null");
        assertThat(ChangeLabels.before(nullable) + " " + ChangeLabels.after(nullable)).isEqualTo("true false");
        assertThat(ChangeLabels.before(comment) + " " + ChangeLabels.after(comment)).isEqualTo("old words {\"odd\":1}");
    }
}
