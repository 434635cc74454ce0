package dev.dbsurveyor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.output.ExitCodes;
import dev.dbsurveyor.io.protection.Decryption;
import dev.dbsurveyor.io.protection.ProtectedFiles;
import dev.dbsurveyor.testing.BoundedPoll;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.ExternalTools;
import dev.dbsurveyor.testing.GpgHome;
import dev.dbsurveyor.testing.LatencyProxy;
import dev.dbsurveyor.testing.Postgres;
import dev.dbsurveyor.testing.SecretScan;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --compress}, {@code --encrypt} and {@code --encrypt-to} through the packaged command
 * against a real PostgreSQL, and every reader of ours on what they wrote: {@code validate},
 * {@code diff}, {@code report} and {@code --resume}. Standard tools check the files; secrets are
 * given only through the environment and appear nowhere.
 */
class ProtectedOutputIT {

    private static final String PASSPHRASE = "it-" + SecretScan.uniquePassword();

    @TempDir
    Path directory;

    private static Map<String, String> passphrase(String value) {
        return Map.of("DBSURVEYOR_ENCRYPTION_PASSWORD", value);
    }

    private static String[] databases(TestServer server, String scenario, int count) {
        String prefix = TestServer.uniqueName("protected_" + scenario + "_") + "_";
        String template = server.createDatabase(prefix + "template");
        server.execute(template, "CREATE TABLE items (id int PRIMARY KEY, label text NOT NULL)",
                "CREATE TABLE orders (id int PRIMARY KEY, item int REFERENCES items (id))", "CREATE VIEW labels AS SELECT label FROM items");
        IntStream.range(0, count).forEach(i -> server.createDatabase(prefix + String.format("%02d", i), template));
        return new String[] {prefix, prefix + "[0-9]*"};
    }

    private static List<String> collect(TestServer server, String include, String... more) {
        List<String> args = new ArrayList<>(List.of("collect", server.endpoint().url(), "--all-databases", "--include", include,
                "--no-progress"));
        args.addAll(List.of(more));
        return args;
    }

    private static CommandRun run(Map<String, String> environment, List<String> args) {
        return CommandProcess.run(environment, args.toArray(String[]::new));
    }

    private static void assertOneLineError(CommandRun run, String contains) {
        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines().toList()).as(run.all()).hasSize(1);
        assertThat(run.err()).startsWith("dbsurveyor: ").contains(contains).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static List<Path> files(Path output) throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void assertEveryFileDecodesToValidJson(List<Path> files, Decryption keys) throws IOException {
        for (Path file : files) {
            ContractSchemas.assertValidContent(new String(ProtectedFiles.readAllBytes(file, keys), StandardCharsets.UTF_8), file.toString());
        }
    }

    @Test
    void aCompressedEncryptedDirectoryIsReadByValidateDiffReportAndResume(@Postgres TestServer server) throws IOException {
        String[] names = databases(server, "dir", 3);
        Path plain = directory.resolve("plain");
        Path sealed = directory.resolve("sealed");
        assertThat(run(Map.of(), collect(server, names[1], "--output-dir", plain.toString(), "-q")).exitCode()).isZero();

        CommandRun collected = run(passphrase(PASSPHRASE), collect(server, names[1], "--output-dir", sealed.toString(), "--compress",
                "--encrypt"));

        assertThat(collected.exitCode()).as(collected.all()).isZero();
        List<Path> files = files(sealed);
        assertThat(files).hasSize(4).allSatisfy(file -> assertThat(file.getFileName().toString()).endsWith(".json.zst.enc"));
        assertThat(files).extracting(file -> file.getFileName().toString()).contains("manifest.json.zst.enc");
        try (Decryption keys = Decryption.withPassphrase(() -> Optional.of(PASSPHRASE.toCharArray()))) {
            assertEveryFileDecodesToValidJson(files, keys);
        }
        SecretScan.assertAbsent(PASSPHRASE, "what collect printed", collected.all());
        SecretScan.assertAbsentFromFiles(PASSPHRASE, sealed);

        CommandRun validated = CommandProcess.run(passphrase(PASSPHRASE), "validate", sealed.toString());
        assertThat(validated.exitCode()).as(validated.all()).isZero();
        assertThat(validated.out().lines()).hasSize(4).allSatisfy(line -> assertThat(line).endsWith(".json.zst.enc: valid"));

        CommandRun diff = CommandProcess.run(passphrase(PASSPHRASE), "diff", plain.toString(), sealed.toString());
        assertThat(diff.exitCode()).as("a protected sweep equals the plain one: " + diff.all()).isZero();
        assertThat(diff.out()).contains("3 database(s) compared").contains("3 unchanged");

        CommandRun report = CommandProcess.run(passphrase(PASSPHRASE), "report", sealed.toString(), "-o", directory.resolve("site").toString());
        assertThat(report.exitCode()).as(report.all()).isZero();
        assertThat(Files.readString(directory.resolve("site/data/databases.js"))).contains(names[0] + "00");

        CommandRun resumed = run(passphrase(PASSPHRASE), collect(server, names[1], "--output-dir", sealed.toString(), "--compress",
                "--encrypt", "--resume"));
        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.err()).contains("kept 3");
        for (CommandRun run : List.of(validated, diff, report, resumed)) {
            SecretScan.assertAbsent(PASSPHRASE, "what a reader printed", run.all());
        }
    }

    @Test
    void aWrongOrMissingPassphraseOrOtherOptionsAreOneLineAndExitTwo(@Postgres TestServer server) throws IOException {
        String[] names = databases(server, "wrong", 1);
        Path sealed = directory.resolve("sealed");
        assertThat(run(passphrase(PASSPHRASE), collect(server, names[1], "--output-dir", sealed.toString(), "--encrypt", "-q")).exitCode())
                .isZero();
        List<Path> before = files(sealed);
        Map<Path, byte[]> contents = new HashMap<>();
        for (Path file : before) {
            contents.put(file, Files.readAllBytes(file));
        }

        assertOneLineError(CommandProcess.run(passphrase("not the passphrase"), "validate", sealed.toString()),
                "wrong passphrase, or the file was changed after it was written");
        assertOneLineError(CommandProcess.run(Map.of(), "validate", sealed.toString()), "set DBSURVEYOR_ENCRYPTION_PASSWORD");
        assertOneLineError(CommandProcess.run(passphrase("not the passphrase"), "diff", sealed.toString(), sealed.toString()),
                "wrong passphrase");
        Path site = directory.resolve("site");
        assertOneLineError(CommandProcess.run(passphrase("not the passphrase"), "report", sealed.toString(), "-o", site.toString()),
                "wrong passphrase");
        assertThat(site).as("a report that could not read its input leaves nothing").doesNotExist();
        assertOneLineError(run(passphrase("not the passphrase"), collect(server, names[1], "--output-dir", sealed.toString(), "--encrypt",
                "--resume")), "cannot resume: ");
        assertOneLineError(run(passphrase(PASSPHRASE), collect(server, names[1], "--output-dir", sealed.toString(), "--compress",
                "--encrypt", "--resume")), "resume it with the options that wrote it");
        assertOneLineError(run(Map.of(), collect(server, names[1], "--output-dir", sealed.toString(), "--force")),
                "would mix two forms");
        assertOneLineError(run(passphrase("short"), collect(server, names[1], "-o", directory.resolve("x.json").toString(), "--encrypt")),
                "at least 8 characters");
        assertOneLineError(run(Map.of(), collect(server, names[1], "-o", directory.resolve("x.json").toString(), "--encrypt")),
                "--encrypt needs a passphrase: set DBSURVEYOR_ENCRYPTION_PASSWORD");

        assertThat(files(sealed)).as("no reader or refused run changed the directory").isEqualTo(before);
        for (Path file : before) {
            assertThat(Files.readAllBytes(file)).isEqualTo(contents.get(file));
        }
        assertThat(directory.resolve("x.json.enc")).doesNotExist();
        Path existing = Files.writeString(directory.resolve("kept.json.enc"), "kept");
        assertOneLineError(run(Map.of(), collect(server, names[1], "-o", directory.resolve("kept.json").toString(), "--encrypt")),
                "kept.json.enc already exists: pass --force");
        assertThat(Files.readString(existing)).as("output is checked before any passphrase is asked for").isEqualTo("kept");
    }

    @Test
    void aBundleEncryptedToAPublicKeyIsReadByGpgZstdAndOurReaders(@Postgres TestServer server) throws IOException {
        ExternalTools.require("checking the zstd inside the OpenPGP message", "zstd", "--version");
        String[] names = databases(server, "gpg", 2);
        try (GpgHome gpg = GpgHome.create()) {
            gpg.generate("team@example.invalid", "future-default", "");
            Path publicKey = gpg.exportPublic("team@example.invalid", directory.resolve("team.asc"));
            Path secretKey = gpg.exportSecret("team@example.invalid", "", directory.resolve("team-secret.asc"));

            CommandRun collected = run(Map.of(), collect(server, names[1], "-o", directory.resolve("server.json").toString(), "--compress",
                    "--encrypt-to", publicKey.toString()));

            assertThat(collected.exitCode()).as(collected.all()).isZero();
            Path bundle = directory.resolve("server.json.zst.gpg");
            assertThat(collected.err()).contains("wrote " + bundle);
            Path frame = directory.resolve("server.json.zst");
            ExternalTools.Result decrypted = gpg.gpg("", "--output", frame.toString(), "--decrypt", bundle.toString());
            assertThat(decrypted.exitCode()).as(decrypted.err()).isZero();
            ExternalTools.Result decompressed = ExternalTools.run(List.of("zstd", "-d", "-c", frame.toString()), Map.of(), null);
            assertThat(decompressed.exitCode()).as(decompressed.err()).isZero();
            ContractSchemas.assertValidContent(decompressed.outText(), "gpg --decrypt | zstd -d of " + bundle);
            assertThat(decompressed.outText()).contains(names[0] + "00").contains(names[0] + "01");

            CommandRun validated = CommandProcess.run(Map.of(), "validate", "--decrypt-key", secretKey.toString(), bundle.toString());
            assertThat(validated.exitCode()).as(validated.all()).isZero();
            assertThat(validated.out()).isEqualTo(bundle + ": valid\n");
            CommandRun report = CommandProcess.run(Map.of(), "report", "--decrypt-key", secretKey.toString(), bundle.toString(), "-o",
                    directory.resolve("site").toString());
            assertThat(report.exitCode()).as(report.all()).isZero();
            assertThat(report.out()).contains("wrote the report of 2 database(s)");

            Path plainBundle = directory.resolve("plain-server.json");
            Files.writeString(plainBundle, decompressed.outText());
            Path byGpg = directory.resolve("by-gpg.json.gpg");
            ExternalTools.Result encrypted = gpg.gpg("", "--trust-model", "always", "--recipient", "team@example.invalid", "--output",
                    byGpg.toString(), "--encrypt", plainBundle.toString());
            assertThat(encrypted.exitCode()).as(encrypted.err()).isZero();
            CommandRun validatedGpg = CommandProcess.run(Map.of(), "validate", "--decrypt-key", secretKey.toString(), byGpg.toString());
            assertThat(validatedGpg.exitCode()).as("a file gpg encrypted to our key: " + validatedGpg.all()).isZero();
            assertThat(validatedGpg.out()).isEqualTo(byGpg + ": valid\n");

            assertOneLineError(CommandProcess.run(Map.of(), "validate", bundle.toString()), "give the secret key with --decrypt-key KEYFILE");
            assertOneLineError(CommandProcess.run(Map.of(), "validate", "--decrypt-key", publicKey.toString(), bundle.toString()),
                    "secret key");
        }
    }

    @Test
    void oneDatabaseEncryptedWithAPassphraseIsReadByAnIndependentScript(@Postgres TestServer server) throws IOException {
        ExternalTools.require("checking --encrypt against python3-argon2 and python3-cryptography", "/usr/bin/python3", "-c",
                "import argon2.low_level, cryptography.hazmat.primitives.ciphers.aead");
        String database = databases(server, "one", 1)[0] + "00";
        Path script = directory.resolve("envelope.py");
        try (InputStream in = getClass().getResourceAsStream("/protection/envelope.py")) {
            Files.write(script, in.readAllBytes());
        }
        CommandRun collected = CommandProcess.run(passphrase(PASSPHRASE), "collect", server.endpoint().url() + "/" + database, "-o",
                directory.resolve("one.dbsurveyor.json").toString(), "--encrypt");
        assertThat(collected.exitCode()).as(collected.all()).isZero();

        ExternalTools.Result decrypted = ExternalTools.run(List.of("/usr/bin/python3", script.toString(), "decrypt",
                directory.resolve("one.dbsurveyor.json.enc").toString()), passphrase(PASSPHRASE), null);

        assertThat(decrypted.exitCode()).as(decrypted.err()).isZero();
        ContractSchemas.assertValidContent(decrypted.outText(), "python's decryption of one.dbsurveyor.json.enc");
        assertThat(decrypted.outText()).contains("\"name\":\"" + database + "\"");
    }

    @Test
    void anInterruptedEncryptedSweepLeavesOnlyWholeFilesAndResumeFinishesIt(@Postgres TestServer server) throws Exception {
        String[] names = databases(server, "stopped", 8);
        Path killedOutput = directory.resolve("killed");
        Path sealed = directory.resolve("sealed");
        try (LatencyProxy slow = new LatencyProxy(server.endpoint().host(), server.endpoint().port(), 40);
             Decryption keys = Decryption.withPassphrase(() -> Optional.of(PASSPHRASE.toCharArray()))) {
            String url = server.endpoint().url().replace(":" + server.endpoint().port(), ":" + slow.port());

            CommandRun killed = stopAfterThreeFiles(sweep(url, names[1], killedOutput), killedOutput, true);
            assertThat(killed.exitCode()).as("SIGKILL ended it: " + killed.all()).isNotZero();
            List<Path> left = visible(killedOutput);
            assertThat(left).as("whole files only, and no manifest").isNotEmpty()
                    .noneMatch(file -> file.getFileName().toString().startsWith("manifest"));
            assertEveryFileDecodesToValidJson(left, keys);

            CommandRun interrupted = stopAfterThreeFiles(sweep(url, names[1], sealed), sealed, false);
            assertThat(interrupted.exitCode()).as("SIGTERM ended it: " + interrupted.all()).isNotZero();
            assertThat(visible(sealed)).extracting(file -> file.getFileName().toString()).contains("manifest.json.zst.enc");
            assertEveryFileDecodesToValidJson(visible(sealed), keys);

            List<String> resume = new ArrayList<>(sweep(url, names[1], sealed));
            resume.add("--resume");
            CommandRun resumed = run(passphrase(PASSPHRASE), resume);
            assertThat(resumed.exitCode()).as(resumed.all()).isZero();
            List<Path> after = files(sealed);
            assertThat(after).hasSize(9).noneMatch(file -> file.getFileName().toString().endsWith(".tmp"));
            assertEveryFileDecodesToValidJson(after, keys);
            JsonNode manifest = ContractMapper.mapper()
                    .readTree(ProtectedFiles.readAllBytes(sealed.resolve("manifest.json.zst.enc"), keys));
            assertThat(manifest.get("databases")).hasSize(8).allSatisfy(entry -> assertThat(entry.get("status").asText()).isEqualTo("Success"));
        }
    }

    private static List<String> sweep(String url, String include, Path output) {
        return List.of("collect", url, "--all-databases", "--include", include, "--no-progress", "--max-concurrency", "1",
                "--output-dir", output.toString(), "--compress", "--encrypt");
    }

    /** Starts the sweep, and once three files are there, kills it ({@code kill}) or interrupts it as Ctrl-C does. */
    private static CommandRun stopAfterThreeFiles(List<String> args, Path output, boolean kill) throws InterruptedException {
        CommandProcess running = CommandProcess.start(passphrase(PASSPHRASE), args.toArray(String[]::new));
        BoundedPoll.until(() -> !running.alive() || visible(output).size() >= 3, Duration.ofSeconds(60));
        assertThat(running.alive()).as("the sweep was still running after three files").isTrue();
        return kill ? running.kill() : running.interrupt();
    }

    private static List<Path> visible(Path output) {
        if (!Files.isDirectory(output)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(file -> !file.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
