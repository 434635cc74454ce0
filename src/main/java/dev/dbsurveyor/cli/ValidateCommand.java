package dev.dbsurveyor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.output.ContractValidator;
import dev.dbsurveyor.output.DatabaseFileNames;
import dev.dbsurveyor.output.DirectoryWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@code dbsurveyor validate}: checks files against the schemas shipped in the jar. */
@Command(mixinStandardHelpOptions = true, versionProvider = DbSurveyorCommand.Version.class, name = "validate",
        description = "Validate a database document, a bundle, or an output directory against the dbsurveyor JSON Schemas.",
        footerHeading = "%nExamples:%n",
        footer = {"  dbsurveyor validate schema.dbsurveyor.json", "  dbsurveyor validate out/",
                "Exit code 0 when every file is valid, 1 when one is not, 2 when PATH cannot be read."})
final class ValidateCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "A .json file, or a directory written with --output-dir.")
    Path path;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files = files();
        int invalid = 0;
        for (Path file : files) {
            List<String> errors = errors(file);
            if (errors.isEmpty()) {
                out.println(file + ": valid");
            } else {
                invalid++;
                errors.forEach(error -> out.println(file + ": " + error));
            }
        }
        out.flush();
        return invalid == 0 ? 0 : 1;
    }

    private List<Path> files() throws IOException {
        if (!Files.exists(path)) {
            throw new ConfigurationException("Nothing to validate at " + path + ": no such file or directory");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        List<Path> files = new ArrayList<>();
        Path manifest = path.resolve(DirectoryWriter.MANIFEST);
        if (Files.exists(manifest)) {
            files.add(manifest);
        }
        try (Stream<Path> entries = Files.list(path)) {
            entries.filter(file -> file.getFileName().toString().endsWith(DatabaseFileNames.SUFFIX)).sorted().forEach(files::add);
        }
        if (files.isEmpty()) {
            throw new ConfigurationException("No dbsurveyor files in " + path);
        }
        return files;
    }

    private static List<String> errors(Path file) {
        try {
            JsonNode json = ContractMapper.mapper().readTree(Files.readString(file));
            if (json == null || !json.isObject()) {
                return List.of("/: not a JSON object");
            }
            return ContractValidator.errors(ContractValidator.Kind.of(json), json);
        } catch (IOException e) {
            return List.of("/: not readable JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
