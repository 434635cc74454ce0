package dev.dbsurveyor.adapter.postgres;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads the JSON that the catalog queries build into {@link PostgresCatalogRows}. */
final class CatalogJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private CatalogJson() {
    }

    static <T> List<T> rows(String json, Class<T> type) {
        try {
            List<T> rows = MAPPER.readValue(json, MAPPER.getTypeFactory().constructCollectionType(List.class, type));
            return rows == null ? List.of() : rows;
        } catch (IOException e) {
            throw new UncheckedIOException("The catalog answered JSON that does not read as " + type.getSimpleName(), e);
        }
    }

    static <T> T row(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("The catalog answered JSON that does not read as " + type.getSimpleName(), e);
        }
    }
}
