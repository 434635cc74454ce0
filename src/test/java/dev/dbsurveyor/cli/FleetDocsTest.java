package dev.dbsurveyor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command line that docs/FLEET.md and its examples show parses: only options that exist,
 * each with the values it takes. Parsing executes nothing.
 */
class FleetDocsTest {

    private static final Path GUIDE = Path.of("docs", "FLEET.md");
    private static final Path EXAMPLES = Path.of("docs", "examples");
    /** How a shown command starts, before its subcommand. */
    private static final List<String> PROGRAMS = List.of("dbsurveyor ", "./dbsurveyor ", "java -jar dbsurveyor.jar ");
    /** Shell and workflow expansions: $(...), ${{ ... }}, ${...}, $NAME. */
    private static final Pattern EXPANSION = Pattern.compile("\\$\\{\\{[^}]*}}|\\$\\([^)]*\\)|\\$\\{[^}]*}|\\$[A-Za-z_][A-Za-z0-9_]*");
    /** What an expansion becomes: a word that every option taking a value accepts, numbers included. */
    private static final String PLACEHOLDER = "1";

    @Test
    void everyCommandLineOfTheGuideUsesOnlyOptionsThatExist() throws IOException {
        List<String> commands = commandLines(codeBlockLines(Files.readString(GUIDE, StandardCharsets.UTF_8)));

        assertThat(commands).as("the guide's command lines").hasSizeGreaterThanOrEqualTo(8);
        assertThat(commands).as("the guide shows collect, merge and validate")
                .anySatisfy(command -> assertThat(command).contains("collect --inventory"))
                .anySatisfy(command -> assertThat(command).contains("--shard"))
                .anySatisfy(command -> assertThat(command).contains("--resume"))
                .anySatisfy(command -> assertThat(command).contains(" merge "))
                .anySatisfy(command -> assertThat(command).contains(" validate "));
        assertParse(commands);
    }

    @Test
    void theExamplesCommandLinesUseOnlyOptionsThatExist() throws IOException {
        List<String> commands = new ArrayList<>();
        for (JsonNode document : documents(EXAMPLES.resolve("fleet-job.yaml"))) {
            for (JsonNode container : document.path("spec").path("template").path("spec").path("containers")) {
                List<String> args = new ArrayList<>();
                container.path("args").forEach(arg -> args.add(arg.asText()));
                // args are handed over as they are, with no shell: only Kubernetes' $(VAR) expansion applies.
                commands.add("dbsurveyor " + String.join(" ", args.stream().map(FleetDocsTest::quoted).toList()));
            }
        }
        JsonNode workflow = documents(EXAMPLES.resolve("fleet-workflow.yml")).get(0);
        List<String> runs = new ArrayList<>();
        workflow.path("jobs").findValues("run").forEach(run -> runs.addAll(List.of(run.asText().replace("\\\n", " ").split("\n"))));
        commands.addAll(commandLines(runs));

        assertThat(commands).as("the examples' command lines").hasSizeGreaterThanOrEqualTo(4)
                .anySatisfy(command -> assertThat(command).contains(" merge "))
                .anySatisfy(command -> assertThat(command).contains(" validate "));
        assertThat(commands.stream().filter(command -> command.contains(" collect ")).count()).isEqualTo(2);
        assertParse(commands);
    }

    @Test
    void shellWordsAreSplitAsAShellSplitsThem() {
        assertThat(words("dbsurveyor collect --include 'sales_*' --exclude \"tmp *\" a\\ b # a comment"))
                .containsExactly("dbsurveyor", "collect", "--include", "sales_*", "--exclude", "tmp *", "a b");
        assertThat(words("dbsurveyor x --output-dir /out/shard-$(JOB_COMPLETION_INDEX) --shard ${{ matrix.shard }}/3"))
                .containsExactly("dbsurveyor", "x", "--output-dir", "/out/shard-1", "--shard", "1/3");
        assertThat(words("a#b '#' #c")).containsExactly("a#b", "#");
    }

    /** Each command parses on a fresh command line (a parse leaves its values behind). */
    private static void assertParse(List<String> commands) {
        List<String> refused = new ArrayList<>();
        for (String command : commands) {
            List<String> words = words(command);
            int start = programLength(words);
            String[] args = words.subList(start, words.size()).toArray(String[]::new);
            try {
                Main.commandLine().parseArgs(args);
            } catch (CommandLine.ParameterException e) {
                refused.add(command + "\n    " + e.getMessage());
            }
        }
        assertThat(refused).as("command lines picocli refuses").isEmpty();
    }

    /** The lines inside fenced code blocks, continuation lines (ending in a backslash) joined. */
    static List<String> codeBlockLines(String markdown) {
        List<String> lines = new ArrayList<>();
        boolean inBlock = false;
        StringBuilder pending = null;
        for (String line : markdown.split("\\R", -1)) {
            if (line.strip().startsWith("```")) {
                inBlock = !inBlock;
                pending = null;
                continue;
            }
            if (!inBlock) {
                continue;
            }
            if (pending != null) {
                pending.append(' ').append(line.strip());
            } else {
                pending = new StringBuilder(line.strip());
            }
            if (pending.toString().endsWith("\\")) {
                pending.setLength(pending.length() - 1);
            } else {
                lines.add(pending.toString());
                pending = null;
            }
        }
        return lines;
    }

    /** The lines that run dbsurveyor, a shell prompt ({@code $ }) taken off. */
    private static List<String> commandLines(List<String> lines) {
        List<String> commands = new ArrayList<>();
        for (String line : lines) {
            String command = line.strip();
            if (command.startsWith("$ ")) {
                command = command.substring(2);
            }
            String shown = command;
            if (PROGRAMS.stream().anyMatch(shown::startsWith)) {
                commands.add(command);
            }
        }
        return commands;
    }

    /** How many words of {@code words} name the program. */
    private static int programLength(List<String> words) {
        if (words.size() >= 3 && words.get(0).equals("java") && words.get(1).equals("-jar")) {
            return 3;
        }
        return 1;
    }

    /**
     * A line split into words as a POSIX shell splits it, after expansions are replaced by
     * {@link #PLACEHOLDER}: single and double quotes, backslash escapes, and a {@code #} that
     * starts a word starting a comment.
     */
    static List<String> words(String line) {
        Matcher expansions = EXPANSION.matcher(line);
        String text = expansions.replaceAll(PLACEHOLDER);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                assertThat(end).as("an unclosed ' in " + line).isPositive();
                word.append(text, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != '"') {
                    if (text.charAt(j) == '\\' && j + 1 < text.length() && "\"\\$`".indexOf(text.charAt(j + 1)) >= 0) {
                        j++;
                    }
                    word.append(text.charAt(j));
                    j++;
                }
                assertThat(j).as("an unclosed \" in " + line).isLessThan(text.length());
                i = j;
                inWord = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '#' && !inWord) {
                break;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** A word quoted for {@link #words}, so that it comes back as it is. */
    private static String quoted(String word) {
        return word.matches("[^\\s'\"\\\\#]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> read = new YAMLMapper().readerFor(JsonNode.class).readValues(file.toFile())) {
            read.forEachRemaining(documents::add);
        }
        return documents;
    }
}
