package dev.dbsurveyor.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * One field of an object whose value differs, each value in its document form
 * ({@code {"String":{"max_length":255}}}); JSON null where a side has none.
 */
public record FieldChange(String field, @JsonProperty("old") JsonNode oldValue, @JsonProperty("new") JsonNode newValue) {

    public FieldChange {
        Require.text(field, "field");
        oldValue = oldValue == null ? NullNode.getInstance() : oldValue;
        newValue = newValue == null ? NullNode.getInstance() : newValue;
    }

    /** The same change seen from the other side. */
    public FieldChange reversed() {
        return new FieldChange(field, newValue, oldValue);
    }
}
