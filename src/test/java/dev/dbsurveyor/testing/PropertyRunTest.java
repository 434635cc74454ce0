package dev.dbsurveyor.testing;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A false property fails with its shrunk counterexample, its seed and the command that reruns it; that seed fails it again alike. */
class PropertyRunTest {

    private static final Pattern SEED = Pattern.compile("Seed was (-?\\d+)");

    private static final ThrowingCallable NO_STRING_IS_FIVE_CHARS_LONG = () -> PropertyRun.withTries(200)
            .forAll(ArbitraryStrings.anyOfLength(0, 40))
            .checkAssert(text -> assertThat(text).hasSizeLessThan(5));

    @Test
    void aFalsePropertyShowsItsSmallestCounterexampleAndASeedThatReproducesIt() {
        AssertionError failure = catchThrowableOfType(AssertionError.class, NO_STRING_IS_FIVE_CHARS_LONG);

        assertThat(failure.getMessage()).contains(String.format("Smallest found falsifying value(s) :-%n\"aaaaa\"%n"));
        Matcher seed = SEED.matcher(failure.getMessage());
        assertThat(seed.find()).as("a seed in %s", failure.getMessage()).isTrue();
        assertThat(failure.getMessage()).endsWith(String.format("%nRun it again with: ./mvnw test "
                + "-Dtest='PropertyRunTest#aFalsePropertyShowsItsSmallestCounterexampleAndASeedThatReproducesIt' -DQT_SEED=%s", seed.group(1)));

        String before = System.getProperty(PropertyRun.SEED);
        System.setProperty(PropertyRun.SEED, seed.group(1));
        try {
            AssertionError again = catchThrowableOfType(AssertionError.class, NO_STRING_IS_FIVE_CHARS_LONG);

            assertThat(withoutStackTraces(again.getMessage())).isEqualTo(withoutStackTraces(failure.getMessage()));
        } finally {
            if (before == null) {
                System.clearProperty(PropertyRun.SEED);
            } else {
                System.setProperty(PropertyRun.SEED, before);
            }
        }
    }

    /** The report's counterexamples, counts and seed; its causes' stack frames differ with the line that ran the property. */
    private static String withoutStackTraces(String report) {
        return report.lines().filter(line -> !line.matches("\\s+(at |\\.\\.\\. \\d+ more).*")).toList().toString();
    }
}
