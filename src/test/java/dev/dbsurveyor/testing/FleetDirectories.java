package dev.dbsurveyor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbsurveyor.model.FleetManifest;
import dev.dbsurveyor.output.ContractMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks of a plain fleet directory: its fleet manifest, and each server's manifest and documents, against their schemas. */
public final class FleetDirectories {

    private FleetDirectories() {
    }

    /** The fleet manifest and every server manifest and document in {@code directory} validate against their schemas. */
    public static void assertValid(Path directory, int servers, int databases) throws Exception {
        JsonNode fleet = ContractMapper.mapper().readTree(directory.resolve(FleetManifest.FILE).toFile());
        assertThat(ContractSchemas.errors(ContractSchemas.Kind.FLEET, fleet)).isEmpty();
        int documents = 0;
        for (JsonNode server : fleet.get("servers")) {
            if (server.get("directory").isNull()) {
                continue;
            }
            Path own = directory.resolve(server.get("directory").asText());
            assertThat(ContractSchemas.errors(ContractSchemas.Kind.MANIFEST, ContractMapper.mapper().readTree(own.resolve("manifest.json").toFile())))
                    .isEmpty();
            try (Stream<Path> files = Files.list(own)) {
                for (Path document : files.filter(file -> file.getFileName().toString().endsWith(".dbsurveyor.json")).toList()) {
                    assertThat(ContractSchemas.errors(ContractSchemas.Kind.DOCUMENT, ContractMapper.mapper().readTree(document.toFile())))
                            .as(document.toString()).isEmpty();
                    documents++;
                }
            }
        }
        assertThat(documents).isEqualTo(servers * databases);
    }
}
