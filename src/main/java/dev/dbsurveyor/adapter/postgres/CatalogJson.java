package dev.dbsurveyor.adapter.postgres;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.AttributeRow;
import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.EnumeratedRow;
import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.ParameterRow;
import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.ServerRow;
import dev.dbsurveyor.adapter.postgres.PostgresCatalogRows.TypeRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the JSON that the catalog queries build into {@link PostgresCatalogRows}. Every reader is
 * made, its deserializers built, when this class initialises: Jackson builds a type's first
 * deserializer under a lock, and two event loops reading a new type at once would park one of them.
 */
final class CatalogJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final Map<Class<?>, ObjectReader> ROW_READERS = readers(MAPPER::readerFor, ServerRow.class, TypeRef.class);

    private static final Map<Class<?>, ObjectReader> LIST_READERS = readers(
            type -> MAPPER.readerFor(MAPPER.getTypeFactory().constructCollectionType(List.class, type)),
            EnumeratedRow.class, ParameterRow.class, AttributeRow.class, String.class);

    private CatalogJson() {
    }

    /** Initialises this class, so that its readers are made on the calling thread: adapters call it when they are made, off any event loop. */
    static void prepare() {
        // Calling a static method is what initialises a class; the readers are its static fields.
    }

    static <T> List<T> rows(String json, Class<T> type) {
        List<T> rows = read(LIST_READERS, json, type);
        return rows == null ? List.of() : rows;
    }

    static <T> T row(String json, Class<T> type) {
        return read(ROW_READERS, json, type);
    }

    private static <R> R read(Map<Class<?>, ObjectReader> readers, String json, Class<?> type) {
        ObjectReader reader = readers.get(type);
        if (reader == null) {
            throw new IllegalArgumentException("CatalogJson has no reader made for " + type.getName());
        }
        try {
            return reader.readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException("The catalog answered JSON that does not read as " + type.getSimpleName(), e);
        }
    }

    private static Map<Class<?>, ObjectReader> readers(Function<Class<?>, ObjectReader> reader, Class<?>... types) {
        return Stream.of(types).collect(Collectors.toUnmodifiableMap(Function.identity(), reader));
    }
}
