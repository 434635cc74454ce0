package dev.dbsurveyor.cli;

import dev.dbsurveyor.model.ChangeDocument;
import dev.dbsurveyor.model.DatabaseDiff;
import dev.dbsurveyor.model.FieldChange;
import dev.dbsurveyor.model.ObjectChange;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.testing.ContractSchemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** One run of {@code dbsurveyor diff} with {@code --json}: what it printed, and its change document, validated against the schema. */
record DiffRun(CommandRun run, ChangeDocument document) {

    static DiffRun of(Path json, String... args) {
        List<String> all = new ArrayList<>(List.of("diff"));
        all.addAll(List.of(args));
        all.addAll(List.of("--json", json.toString(), "--force"));
        CommandRun run = CommandRun.of(all.toArray(String[]::new));
        if (run.exitCode() == 2) {
            throw new AssertionError("diff failed: " + run.all());
        }
        ContractSchemas.assertValidFile(json);
        try {
            return new DiffRun(run, ContractMapper.mapper().readValue(Files.readString(json), ChangeDocument.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each database that differs as "Change name". */
    List<String> databases() {
        return document.databases().stream().map(database -> database.change() + " " + database.name()).toList();
    }

    /** The changes of database {@code name}, one line each: "Change Kind schema.table.name [changed fields] (side not collected)". */
    List<String> changes(String name) {
        DatabaseDiff database = document.databases().stream().filter(candidate -> candidate.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " does not differ: " + databases()));
        return database.objects().stream().map(DiffRun::line).toList();
    }

    static String line(ObjectChange change) {
        List<String> parts = new ArrayList<>();
        if (change.schema() != null) {
            parts.add(change.schema());
        }
        if (change.table() != null) {
            parts.add(change.table());
        }
        if (!change.name().isEmpty()) {
            parts.add(change.name());
        }
        String line = change.change() + " " + change.kind() + " " + String.join(".", parts);
        if (change.change() == dev.dbsurveyor.model.ChangeType.CHANGED) {
            line += " " + change.fields().stream().map(FieldChange::field).collect(Collectors.joining(", ", "[", "]"));
        }
        if (change.notCollectedIn() != null) {
            line += " (not collected in " + change.notCollectedIn() + ", " + change.stage() + ")";
        }
        return line;
    }
}
