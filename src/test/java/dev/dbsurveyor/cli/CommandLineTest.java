package dev.dbsurveyor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input that fails before anything connects: one clear line, exit 2, nothing written, no stack trace. */
class CommandLineTest {

    @TempDir
    Path directory;

    private static void assertUsageError(CommandRun run, String expected) {
        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains(expected).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "http://alice:hunter2@db/x", "mysql://alice:hunter2@db/x?application_name=x", "postgresql://alice:hunter2@db:99999/x",
            "postgresql://alice:hun/ter2@db/x"})
    void badUrlsAreUsageErrorsThatNeverShowThePassword(String url) {
        CommandRun run = CommandRun.of("collect", url, "-o", directory.resolve("out.json").toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).startsWith("dbsurveyor: ").doesNotContain("hunter2").doesNotContain("\tat ");
        assertThat(directory).isEmptyDirectory();
    }

    @Test
    void aSweepWithOneConnectionIsRefusedBeforeItConnects() {
        assertUsageError(CommandRun.of("collect", "postgresql://u@127.0.0.1:1", "--max-connections", "1", "--min-idle-connections", "0", "-o",
                directory.resolve("out.json").toString()), "needs at least 2 connections");
    }

    @Test
    void aMalformedGlobIsAUsageError() {
        assertUsageError(CommandRun.of("collect", "postgresql://u@127.0.0.1:1", "--include", "[abc", "-o",
                directory.resolve("out.json").toString()), "[abc");
        assertThat(directory).isEmptyDirectory();
    }

    @Test
    void outOfRangeAndNonNumericFlagsAreUsageErrors() {
        assertUsageError(CommandRun.of("collect", "postgresql://u@127.0.0.1:1/x", "--max-connections", "0", "-o",
                directory.resolve("a.json").toString()), "--max-connections");
        assertUsageError(CommandRun.of("collect", "postgresql://u@127.0.0.1:1/x", "--statement-timeout", "-3", "-o",
                directory.resolve("b.json").toString()), "--statement-timeout");
        assertThat(CommandRun.of("collect", "postgresql://u@127.0.0.1:1/x", "--max-concurrency", "lots").exitCode()).isEqualTo(2);
        assertThat(CommandRun.of("collect").exitCode()).isEqualTo(2);
        assertThat(CommandRun.of("collect", "postgresql://u@127.0.0.1:1/x", "--frobnicate").exitCode()).isEqualTo(2);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.MethodSource("everyNumericFlagWithABadValue")
    void everyNumericFlagRefusesEmptyNegativeFractionalAndHugeValuesInOneLine(String flag, String value) {
        CommandRun run = CommandRun.of("collect", "postgresql://u@127.0.0.1:1/x", flag, value, "--sample", "3", "-o",
                directory.resolve("out.json").toString());

        assertUsageError(run, flag);
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
        assertThat(directory.resolve("out.json")).doesNotExist();
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> everyNumericFlagWithABadValue() {
        List<String> flags = List.of("--max-connections", "--min-idle-connections", "--connect-timeout", "--acquire-timeout",
                "--idle-timeout", "--max-lifetime", "--statement-timeout", "--max-concurrency", "--sample-rate", "--sample-value-length",
                "--sample-max-bytes");
        List<String> values = List.of("", "ten", "-1", "1.5", "99999999999", "0x10");
        return flags.stream().flatMap(flag -> values.stream()
                .filter(value -> !(flag.equals("--sample-rate") && value.equals("1.5")))
                .map(value -> org.junit.jupiter.params.provider.Arguments.of(flag, value)));
    }

    @Test
    void samplingFlagsOutOfRangeOrWithoutSampleAreUsageErrors() {
        String out = directory.resolve("out.json").toString();
        assertUsageError(CommandRun.of("collect", "postgresql://u@127.0.0.1:1/x", "--sample", "-1", "-o", out), "--sample:");
        assertUsageError(CommandRun.of("collect", "postgresql://u@127.0.0.1:1/x", "--sample", "20000", "-o", out), "--sample:");
        assertUsageError(CommandRun.of("collect", "postgresql://u@127.0.0.1:1/x", "--sample", "5", "--sample-rate", "0", "-o", out),
                "--sample-rate:");
        assertUsageError(CommandRun.of("collect", "postgresql://u@127.0.0.1:1/x", "--sample", "5", "--sample-value-length", "3", "-o", out),
                "--sample-value-length:");
        assertUsageError(CommandRun.of("collect", "postgresql://u@127.0.0.1:1/x", "--no-redact", "-o", out), "need --sample");
        assertThat(CommandRun.of("collect", "postgresql://u@127.0.0.1:1/x", "--sample", "many").exitCode()).isEqualTo(2);
    }

    @Test
    void existingOutputIsRefusedWithoutForce() throws Exception {
        Path existing = Files.writeString(directory.resolve("schema.json"), "keep me");

        assertUsageError(CommandRun.of("collect", "postgresql://u@127.0.0.1:1/x", "-o", existing.toString()), "--force");
        assertThat(existing).hasContent("keep me");

        Files.writeString(directory.resolve("other.txt"), "x");
        assertUsageError(CommandRun.of("collect", "postgresql://u@127.0.0.1:1", "--output-dir", directory.toString()), "not empty");
    }

    @Test
    void anUnwritableOutputIsRefusedBeforeConnecting() {
        assertUsageError(CommandRun.of("collect", "postgresql://u@127.0.0.1:1/x", "-o", directory.resolve("missing/out.json").toString()),
                "does not exist");
    }

    @Test
    void helpShowsExamplesAndExitCodesAndVersionShowsTheVersion() {
        CommandRun help = CommandRun.of("collect", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Examples:").contains("dbsurveyor collect postgresql://").contains("130");
        assertThat(CommandRun.of("--help").out()).contains("Exit codes:").contains("collect").contains("validate").contains("demo");
        assertThat(CommandRun.of("--version").out()).startsWith("dbsurveyor ");
    }

    @Test
    void validatingSomethingThatIsNotThereIsAUsageError() {
        assertUsageError(CommandRun.of("validate", directory.resolve("nothing.json").toString()), "no such file");
    }

    @Test
    void resumeNeedsTheOutputDirectoryOfAnEarlierRunAndNoConflictingFlag() throws Exception {
        String url = "postgresql://u@127.0.0.1:1";
        String needsDirectory = "--resume works on the directory of an earlier run: give it with --output-dir DIR";
        assertUsageError(CommandRun.of("collect", url, "--resume"), needsDirectory);
        assertUsageError(CommandRun.of("collect", url, "--resume", "-o", directory.resolve("server.json").toString()), needsDirectory);
        assertUsageError(CommandRun.of("collect", url, "--resume", "--output-dir", directory.toString(), "--force"),
                "--resume keeps the directory's files: leave out --force");
        assertUsageError(CommandRun.of("collect", url + "/sales", "--resume", "--output-dir", directory.toString()),
                "--output-dir is for a whole server");
        Path absent = directory.resolve("absent");
        for (List<String> args : List.of(List.of("collect", "--resume", url, "--output-dir", absent.toString()),
                List.of("collect", url, "--resume", "failed", "--output-dir", absent.toString()))) {
            assertUsageError(CommandRun.of(args.toArray(String[]::new)), "cannot resume: no such directory: " + absent);
        }
        assertThat(CommandRun.of("collect", url, "--output-dir", absent.toString(), "--resume=later").err()).contains("'later'");
        assertThat(directory).isEmptyDirectory();
    }

    @Test
    void resumingWhatIsNotADbsurveyorDirectoryOrHasAnInvalidManifestIsExitTwoBeforeConnectingAndChangesNothing() throws Exception {
        // Port 1 refuses connections: had the command connected, its error would say so.
        String url = "postgresql://u@127.0.0.1:1";
        Path absent = directory.resolve("absent");
        assertUsageError(CommandRun.of("collect", url, "--output-dir", absent.toString(), "--resume"),
                "dbsurveyor: cannot resume: no such directory: " + absent);
        assertThat(absent).doesNotExist();

        Path notOurs = Files.createDirectories(directory.resolve("not-ours"));
        Files.writeString(notOurs.resolve("notes.txt"), "mine");
        assertUsageError(CommandRun.of("collect", url, "--output-dir", notOurs.toString(), "--resume"),
                "cannot resume: " + notOurs + " is not a dbsurveyor output directory: it has no manifest.json");

        Path invalid = Files.createDirectories(directory.resolve("invalid"));
        Files.writeString(invalid.resolve("manifest.json"), "{\"format_version\": \"1.0\", \"server_info\": {}}");
        CommandRun run = CommandRun.of("collect", url, "--output-dir", invalid.toString(), "--resume=failed");
        assertUsageError(run, "cannot resume: " + invalid.resolve("manifest.json") + " is not a valid dbsurveyor manifest: ");
        assertThat(run.err().lines()).hasSize(1);

        try (Stream<Path> files = Files.list(notOurs)) {
            assertThat(files).containsExactly(notOurs.resolve("notes.txt"));
        }
        try (Stream<Path> files = Files.list(invalid)) {
            assertThat(files).containsExactly(invalid.resolve("manifest.json"));
        }
        assertThat(invalid.resolve("manifest.json")).hasContent("{\"format_version\": \"1.0\", \"server_info\": {}}");
        assertUsageError(CommandRun.of("collect", url, "--output-dir", notOurs.toString()),
                "is not empty: pass --force to write into it");
    }
}
