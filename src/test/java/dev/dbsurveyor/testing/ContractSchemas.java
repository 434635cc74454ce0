package dev.dbsurveyor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.MultiDatabaseManifest;
import dev.dbsurveyor.model.MultiDatabaseResult;
import dev.dbsurveyor.output.ContractMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validates JSON against the schemas in {@code schemas/} (loaded from the classpath, as shipped in
 * the jar). Every JSON document a test produces goes through here.
 */
public final class ContractSchemas {

    private static final String BASE = "https://schemas.dbsurveyor.dev/v1.0/";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaIdResolvers(resolvers -> resolvers.mapPrefix(BASE, "classpath:schemas/"))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .pathType(PathType.JSON_POINTER)
                            .build()));

    /** The three document kinds and their schema files. */
    public enum Kind {
        DOCUMENT("dbsurveyor-schema-v1.0.json"),
        BUNDLE("dbsurveyor-bundle-v1.0.json"),
        MANIFEST("dbsurveyor-manifest-v1.0.json");

        private final Schema schema;

        Kind(String file) {
            this.schema = REGISTRY.getSchema(SchemaLocation.of(BASE + file));
        }

        public static Kind of(Object value) {
            if (value instanceof DatabaseSchema) {
                return DOCUMENT;
            }
            if (value instanceof MultiDatabaseResult) {
                return BUNDLE;
            }
            if (value instanceof MultiDatabaseManifest) {
                return MANIFEST;
            }
            throw new IllegalArgumentException("Not a top-level contract document: " + value.getClass());
        }
    }

    private ContractSchemas() {
    }

    /** Each violation as "instance path: message"; empty when the JSON is valid. */
    public static List<String> errors(Kind kind, JsonNode json) {
        return kind.schema.validate(json).stream().map(ContractSchemas::describe).toList();
    }

    public static List<String> errors(Kind kind, String json) {
        try {
            return errors(kind, ContractMapper.mapper().readTree(json));
        } catch (java.io.IOException e) {
            throw new AssertionError("Not JSON: " + e.getMessage(), e);
        }
    }

    /** Asserts that the JSON of a contract document validates against its schema, and returns that JSON. */
    public static String assertValid(Object document) {
        try {
            String json = ContractMapper.mapper().writeValueAsString(document);
            assertValid(Kind.of(document), json);
            return json;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("Cannot serialize " + document.getClass().getSimpleName(), e);
        }
    }

    public static void assertValid(Kind kind, String json) {
        assertThat(errors(kind, json)).as("schema violations of a %s", kind).isEmpty();
    }

    private static String describe(Error error) {
        return error.getInstanceLocation() + ": " + error.getMessage();
    }
}
