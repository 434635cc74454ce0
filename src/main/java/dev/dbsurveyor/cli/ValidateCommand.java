package dev.dbsurveyor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.output.ContractValidator;
import dev.dbsurveyor.output.DatabaseFileNames;
import dev.dbsurveyor.io.CollectionReader;
import dev.dbsurveyor.output.DirectoryWriter;
import dev.dbsurveyor.output.UpstreamLoader;
import dev.dbsurveyor.output.UpstreamRefusal;
import dev.dbsurveyor.output.UpstreamVerdict;
import dev.dbsurveyor.io.protection.Decryption;
import dev.dbsurveyor.io.protection.DecryptionException;
import dev.dbsurveyor.io.protection.ProtectedFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@code dbsurveyor validate}: checks files against the schemas shipped in the jar, and optionally against upstream's loader. */
@Command(mixinStandardHelpOptions = true, versionProvider = DbSurveyorCommand.Version.class, name = "validate",
        description = {"Validate database documents, bundles or output directories against the dbsurveyor JSON Schemas.",
                "With --upstream, also say whether upstream dbsurveyor's loader (its postprocessor) would load each document."},
        footerHeading = "%nExamples:%n",
        footer = {"  dbsurveyor validate schema.dbsurveyor.json",
                "  dbsurveyor validate out/ server.json",
                "  dbsurveyor validate --upstream out/",
                "  DBSURVEYOR_ENCRYPTION_PASSWORD=... dbsurveyor validate out/",
                "  dbsurveyor validate --decrypt-key secret.asc server.dbsurveyor.json.zst.gpg",
                "",
                "A refusal reads: FILE: upstream would refuse: POINTER: REASON [STRING].",
                "A bundle is judged by its embedded documents; a manifest holds none.",
                "The rules are listed in docs/UPSTREAM.md.",
                "",
                "Exit codes:",
                "  0  every file is valid (and, with --upstream, every document would load)",
                "  1  a file is not valid, or upstream would refuse a document",
                "  2  a PATH does not exist, a directory holds no dbsurveyor file, or an encrypted",
                "     file does not open with the passphrase or --decrypt-key given"})
final class ValidateCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "A .json file (or .json.zst, .enc, .gpg), a directory written with --output-dir, or a fleet directory (every server in it).")
    List<Path> paths;

    @Option(names = "--upstream", description = "Also check each document against the rules of upstream's loader.")
    boolean upstream;

    @Mixin
    DecryptionOptions decryption;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            files.addAll(files(path));
        }
        int rejected = 0;
        try (Secrets secrets = new Secrets(Environment.system()); Decryption keys = decryption.keys(secrets)) {
            for (Path file : files) {
                if (!validate(out, file, keys)) {
                    rejected++;
                }
            }
        }
        out.flush();
        return rejected == 0 ? 0 : 1;
    }

    /**
     * Checks one file, decoded when it is compressed or encrypted; a file the keys do not open is
     * a usage error (exit 2), since a wrong passphrase and a changed file look the same.
     */
    private boolean validate(PrintWriter out, Path file, Decryption keys) {
        byte[] content;
        try {
            content = ProtectedFiles.readAllBytes(file, keys);
        } catch (DecryptionException e) {
            throw new ConfigurationException(file + ": " + e.getMessage());
        } catch (IOException e) {
            out.println(file + ": /: not readable: " + e.getMessage());
            return false;
        }
        boolean valid = printSchemaCheck(out, file, content);
        boolean accepted = !upstream || printUpstreamVerdict(out, file, UpstreamLoader.verdict(content));
        return valid && accepted;
    }

    private List<Path> files(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new ConfigurationException("Nothing to validate at " + path + ": no such file or directory");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        List<Path> files = new ArrayList<>();
        if (CollectionReader.isFleet(path)) {
            files.addAll(CollectionReader.fleetManifests(path));
            try (Stream<Path> servers = Files.list(path)) {
                for (Path server : servers.filter(Files::isDirectory).filter(dir -> !DirectoryWriter.manifests(dir).isEmpty()).sorted().toList()) {
                    files.addAll(files(server));
                }
            }
            return files;
        }
        files.addAll(DirectoryWriter.manifests(path));
        try (Stream<Path> entries = Files.list(path)) {
            entries.filter(file -> ProtectedFiles.plainName(file.getFileName().toString()).endsWith(DatabaseFileNames.SUFFIX))
                    .sorted().forEach(files::add);
        }
        if (files.isEmpty()) {
            throw new ConfigurationException("No dbsurveyor files in " + path);
        }
        return files;
    }

    private static boolean printSchemaCheck(PrintWriter out, Path file, byte[] content) {
        List<String> errors = errors(content);
        if (errors.isEmpty()) {
            out.println(file + ": valid");
        } else {
            errors.forEach(error -> out.println(file + ": " + error));
        }
        return errors.isEmpty();
    }

    private static boolean printUpstreamVerdict(PrintWriter out, Path file, UpstreamVerdict verdict) {
        if (!verdict.accepted()) {
            for (UpstreamRefusal refusal : verdict.refusals()) {
                out.println(file + ": upstream would refuse: " + refusal.describe());
            }
            return false;
        }
        out.println(file + ": " + switch (verdict.form()) {
            case DOCUMENT -> "upstream would load it";
            case BUNDLE -> "upstream would load each of its " + verdict.documents() + " documents";
            case MANIFEST -> "a manifest, which upstream does not read (it holds no document)";
            case CHANGES -> "a change document, which upstream does not read (it holds no document)";
        });
        return true;
    }

    private static List<String> errors(byte[] content) {
        try {
            JsonNode json = ContractMapper.mapper().readTree(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString());
            if (json == null || !json.isObject()) {
                return List.of("/: not a JSON object");
            }
            return ContractValidator.errors(ContractValidator.Kind.of(json), json);
        } catch (CharacterCodingException e) {
            return List.of("/: not valid UTF-8");
        } catch (IOException e) {
            return List.of("/: not readable JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
