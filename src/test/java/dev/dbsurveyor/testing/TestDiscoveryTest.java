package dev.dbsurveyor.testing;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every test class under {@code src/test/java} is one that Surefire or Failsafe runs: a file that declares a JUnit
 * test (any method annotated, or meta-annotated, {@link Testable}: {@code @Test}, {@code @ParameterizedTest},
 * {@code @RepeatedTest}, {@code @TestFactory}, {@code @TestTemplate}; in the file's class, its nested classes
 * or their superclasses) has a path that one plugin includes and does not exclude. The includes and excludes are
 * read from {@code pom.xml}, each plugin's defaults where it names none, so the check and the build cannot disagree.
 */
class TestDiscoveryTest {

    private static final Path TEST_SOURCES = Path.of("src", "test", "java");

    private static final Selection SUREFIRE = Selection.fromPom(Path.of("pom.xml"), "maven-surefire-plugin",
            List.of("**/Test*.java", "**/*Test.java", "**/*Tests.java", "**/*TestCase.java"));
    private static final Selection FAILSAFE = Selection.fromPom(Path.of("pom.xml"), "maven-failsafe-plugin",
            List.of("**/IT*.java", "**/*IT.java", "**/*ITCase.java"));

    @Test
    void everyTestClassUnderSrcTestIsRunBySurefireOrFailsafe() throws IOException {
        List<String> testFiles = testFiles(TEST_SOURCES);

        assertThat(testFiles).as("test files found under %s", TEST_SOURCES).contains("dev/dbsurveyor/testing/TestDiscoveryTest.java");
        assertThat(testFiles.stream().filter(file -> !SUREFIRE.selects(file) && !FAILSAFE.selects(file)))
                .as("test classes that match neither Surefire's %s nor Failsafe's %s, so never run", SUREFIRE, FAILSAFE)
                .isEmpty();
    }

    @Test
    void aPropertiesClassIsNeitherPluginsButATestOrAnITIs() {
        assertThat(SUREFIRE.selects("dev/dbsurveyor/sweep/GlobPatternProperties.java")).isFalse();
        assertThat(FAILSAFE.selects("dev/dbsurveyor/sweep/GlobPatternProperties.java")).isFalse();
        assertThat(SUREFIRE.selects("dev/dbsurveyor/sweep/GlobPatternPropertiesTest.java")).isTrue();
        assertThat(SUREFIRE.selects("dev/dbsurveyor/sweep/SweepIT.java")).isFalse();
        assertThat(FAILSAFE.selects("dev/dbsurveyor/sweep/SweepIT.java")).isTrue();
    }

    @Test
    void aClassDeclaresTestsThroughAnyTestableAnnotationItsSuperclassOrANestedClassButNotWhenAbstract() {
        assertThat(declaresTests(Parameterized.class)).isTrue();
        assertThat(declaresTests(Inheriting.class)).isTrue();
        assertThat(declaresTests(Base.class)).isFalse();
        assertThat(declaresTests(Outer.class)).isTrue();
        assertThat(declaresTests(Selection.class)).isFalse();
    }

    @Test
    void aSelectionPatternThatTheCheckCannotReadFailsIt() {
        assertThatThrownBy(() -> new Selection("maven-surefire-plugin", List.of("%regex[.*Check.*]"), List.of()).selects("a/BCheck.java"))
                .hasMessageContaining("%regex[.*Check.*]");
    }

    /** The paths, relative to {@code root}, of the source files whose class or nested classes declare tests. */
    private static List<String> testFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java") && !file.endsWith("package-info.java"))
                    .map(file -> root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/"))
                    .filter(file -> declaresTests(load(file.substring(0, file.length() - ".java".length()).replace('/', '.'))))
                    .sorted()
                    .toList();
        }
    }

    private static boolean declaresTests(Class<?> type) {
        boolean own = !type.isInterface() && !Modifier.isAbstract(type.getModifiers())
                && !AnnotationSupport.findAnnotatedMethods(type, Testable.class, HierarchyTraversalMode.TOP_DOWN).isEmpty();
        return own || Stream.of(type.getDeclaredClasses()).anyMatch(TestDiscoveryTest::declaresTests);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, TestDiscoveryTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("No compiled class " + name + " for its source file: a file's top-level class must have its name", e);
        }
    }

    /** The test classes one plugin runs, by the path of their source file, as pom.xml configures it. */
    private record Selection(String plugin, List<String> includes, List<String> excludes) {

        private static final List<String> DEFAULT_EXCLUDES = List.of("**/*$*");

        static Selection fromPom(Path pom, String plugin, List<String> defaultIncludes) {
            List<String> includes = new ArrayList<>();
            List<String> excludes = new ArrayList<>();
            for (Element element : elements(parse(pom).getElementsByTagName("plugin"))) {
                if (plugin.equals(childText(element, "artifactId"))) {
                    for (Element parameter : elements(element.getElementsByTagName("*"))) {
                        switch (parameter.getTagName()) {
                            case "include" -> includes.add(parameter.getTextContent().trim());
                            case "exclude" -> excludes.add(parameter.getTextContent().trim());
                            case "test", "includesFile", "excludesFile" -> throw new AssertionError(
                                    plugin + " in pom.xml sets <" + parameter.getTagName() + ">, which this check does not read: teach it");
                            default -> {
                            }
                        }
                    }
                }
            }
            return new Selection(plugin, includes.isEmpty() ? defaultIncludes : includes, excludes.isEmpty() ? DEFAULT_EXCLUDES : excludes);
        }

        boolean selects(String sourceFile) {
            return includes.stream().anyMatch(pattern -> matches(pattern, sourceFile))
                    && excludes.stream().noneMatch(pattern -> matches(pattern, sourceFile));
        }

        /** Surefire's pattern forms: Ant-style paths, {@code .class} the same as {@code .java}, {@code **}/ also for no directory. */
        private boolean matches(String pattern, String sourceFile) {
            if (pattern.startsWith("%regex[") || pattern.startsWith("!") || pattern.contains("#") || pattern.contains("${")) {
                throw new AssertionError(plugin + " selects tests by " + pattern + ", a pattern form this check does not read: teach it");
            }
            String glob = pattern.endsWith(".class") ? pattern.substring(0, pattern.length() - ".class".length()) + ".java" : pattern;
            Path file = Path.of(sourceFile);
            return FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(file)
                    || glob.startsWith("**/") && FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)).matches(file);
        }

        @Override
        public String toString() {
            return includes + (excludes.equals(DEFAULT_EXCLUDES) ? "" : " without " + excludes);
        }

        private static Document parse(Path pom) {
            try {
                return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
            } catch (Exception e) {
                throw new AssertionError("Cannot read " + pom.toAbsolutePath(), e);
            }
        }

        private static String childText(Element parent, String tag) {
            return elements(parent.getChildNodes()).stream()
                    .filter(child -> child.getTagName().equals(tag))
                    .map(child -> child.getTextContent().trim())
                    .findFirst()
                    .orElse("");
        }

        private static List<Element> elements(NodeList nodes) {
            List<Element> elements = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                    elements.add((Element) nodes.item(i));
                }
            }
            return elements;
        }
    }

    /** Fixtures of {@link #declaresTests}: nested, so that no plugin runs them on their own. */
    static class Parameterized {
        @ParameterizedTest
        @ValueSource(ints = 1)
        void parameterized(int value) {
            assertThat(value).isOne();
        }
    }

    abstract static class Base {
        @Test
        void inherited() {
            assertThat(getClass()).isNotEqualTo(Base.class);
        }
    }

    static class Inheriting extends Base {
    }

    static class Outer {
        @Nested
        class Inner {
            @Test
            void nested() {
                assertThat(this).isNotNull();
            }
        }
    }
}
