package dev.dbsurveyor.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;

import java.util.List;

/**
 * Validates JSON against the schemas shipped in the jar under {@code schemas/}: a database
 * document, a bundle, a manifest or a change document. Each violation is reported as "JSON pointer: message".
 */
public final class ContractValidator {

    private static final String BASE = "https://schemas.dbsurveyor.dev/v1.0/";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaIdResolvers(resolvers -> resolvers.mapPrefix(BASE, "classpath:schemas/"))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .pathType(PathType.JSON_POINTER)
                            .build()));

    /** The kinds of file and their schemas. */
    public enum Kind {
        DOCUMENT("dbsurveyor-schema-v1.0.json"),
        BUNDLE("dbsurveyor-bundle-v1.0.json"),
        MANIFEST("dbsurveyor-manifest-v1.0.json"),
        DIFF("dbsurveyor-diff-v1.0.json"),
        FLEET("dbsurveyor-fleet-v1.0.json");

        private final String file;
        private Schema schema;

        Kind(String file) {
            this.file = file;
        }

        private synchronized Schema schema() {
            if (schema == null) {
                schema = REGISTRY.getSchema(SchemaLocation.of(BASE + file));
            }
            return schema;
        }

        /** What a file is, from its top-level fields. */
        public static Kind of(JsonNode json) {
            if (json.has("summary") && json.has("options")) {
                return DIFF;
            }
            if (json.has("servers") && json.has("inventory")) {
                return FLEET;
            }
            if (json.has("server_info") && json.has("failures")) {
                return BUNDLE;
            }
            if (json.has("server_info")) {
                return MANIFEST;
            }
            return DOCUMENT;
        }
    }

    private ContractValidator() {
    }

    /** Each violation as "instance path: message"; empty when the JSON is valid. */
    public static List<String> errors(Kind kind, JsonNode json) {
        return kind.schema().validate(json).stream()
                .map(error -> (error.getInstanceLocation().toString().isEmpty() ? "/" : error.getInstanceLocation()) + ": " + error.getMessage())
                .toList();
    }
}
