package dev.dbsurveyor.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A tree goes whole, deepest first; a missing one is no error; its siblings stay. */
class FileTreesTest {

    @TempDir
    Path directory;

    @Test
    void aNestedTreeIsDeletedAndItsSiblingKept() throws IOException {
        Path root = Files.createDirectories(directory.resolve("root/a/b"));
        Files.writeString(root.resolve("deep.json"), "{}");
        Files.writeString(directory.resolve("root/top.json"), "{}");
        Path sibling = Files.writeString(directory.resolve("sibling.json"), "{}");

        FileTrees.delete(directory.resolve("root"));

        assertThat(directory.resolve("root")).doesNotExist();
        assertThat(sibling).exists();
    }

    @Test
    void aTreeThatIsNotThereIsNothingToDo() throws IOException {
        FileTrees.delete(directory.resolve("absent"));

        assertThat(directory.resolve("absent")).doesNotExist();
    }
}
