package dev.dbsurveyor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbsurveyor.model.ChangeDocument;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.MultiDatabaseManifest;
import dev.dbsurveyor.model.MultiDatabaseResult;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.output.ContractValidator;
import dev.dbsurveyor.output.UpstreamLoader;
import dev.dbsurveyor.output.UpstreamRefusal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validates JSON against the schemas in {@code schemas/} (loaded from the classpath, as shipped in
 * the jar). Every JSON document a test produces goes through here, and so through a check that
 * {@link UpstreamLoader} and the independent {@link UpstreamLoaderRules} agree on it: the same
 * refused pointers, so the same verdict. (Whether upstream accepts it is not asserted here.)
 */
public final class ContractSchemas {

    /** The document kinds and their schema files. */
    public enum Kind {
        DOCUMENT(ContractValidator.Kind.DOCUMENT),
        BUNDLE(ContractValidator.Kind.BUNDLE),
        MANIFEST(ContractValidator.Kind.MANIFEST),
        DIFF(ContractValidator.Kind.DIFF),
        FLEET(ContractValidator.Kind.FLEET);

        private final ContractValidator.Kind kind;

        Kind(ContractValidator.Kind kind) {
            this.kind = kind;
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
            if (value instanceof ChangeDocument) {
                return DIFF;
            }
            if (value instanceof dev.dbsurveyor.model.FleetManifest) {
                return FLEET;
            }
            throw new IllegalArgumentException("Not a top-level contract document: " + value.getClass());
        }
    }

    private ContractSchemas() {
    }

    /** Each violation as "instance path: message"; empty when the JSON is valid. */
    public static List<String> errors(Kind kind, JsonNode json) {
        return ContractValidator.errors(kind.kind, json);
    }

    public static List<String> errors(Kind kind, String json) {
        try {
            return errors(kind, ContractMapper.mapper().readTree(json));
        } catch (IOException e) {
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
        if (kind != Kind.DIFF) {
            assertUpstreamAgreement(json, "a " + kind);
        }
    }

    /** Asserts that a file written by dbsurveyor validates against the schema of its kind. */
    public static void assertValidFile(Path file) {
        try {
            assertValidContent(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Asserts that JSON dbsurveyor wrote (such as a protected file's decoded content) validates against the schema of its kind. */
    public static void assertValidContent(String text, String what) {
        JsonNode json;
        try {
            json = ContractMapper.mapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError(what + " is not JSON: " + e.getMessage(), e);
        }
        ContractValidator.Kind kind = ContractValidator.Kind.of(json);
        assertThat(ContractValidator.errors(kind, json)).as("schema violations of %s", what).isEmpty();
        if (kind != ContractValidator.Kind.DIFF) {
            assertUpstreamAgreement(text, what);
        }
    }

    /** The pointers upstream would refuse, as {@link UpstreamLoader} and {@link UpstreamLoaderRules} each find them, must be the same. */
    public static void assertUpstreamAgreement(String json, String what) {
        Set<String> loader = UpstreamLoader.refusals(json).stream().map(UpstreamRefusal::pointer)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(loader).as("pointers in %s that UpstreamLoader refuses, against UpstreamLoaderRules", what)
                .isEqualTo(UpstreamLoaderRules.refusedPointers(json));
    }
}
