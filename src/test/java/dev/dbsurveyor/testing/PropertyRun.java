package dev.dbsurveyor.testing;

import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.AsString;
import org.quicktheories.core.Configuration;
import org.quicktheories.core.ExceptionReporter;
import org.quicktheories.core.Reporter;

import java.lang.reflect.Method;
import java.util.List;

/**
 * The one way a test checks a property: QuickTheories with a number of tries, whose failure shows the
 * shrunk counterexample, the seed and the command that checks that property again with that seed.
 *
 * <p>QuickTheories itself takes the seed from the system property {@value #SEED} (a random one without it),
 * and Surefire hands {@code -D} properties to the test JVM, so
 * {@code ./mvnw test -Dtest='GlobPatternPropertiesTest#anyGlobCompilesOrIsAConfigurationError' -DQT_SEED=123}
 * generates the same values in the same order and fails the same way. {@code QT_EXAMPLES} has no effect here:
 * each property sets its own number of tries. Of the values generated, QuickTheories skips one it has already tried.
 */
public final class PropertyRun {

    /** The system property that fixes the seed of every property in the run. */
    public static final String SEED = Configuration.SEED;

    private PropertyRun() {
    }

    /** A QuickTheory of {@code tries} generated values for the JUnit test that calls it, which its failure names. */
    public static QuickTheory withTries(int tries) {
        return QuickTheory.qt().withExamples(tries).withReporter(new RerunReporter(callingTest()));
    }

    private static String callingTest() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.filter(PropertyRun::isTest).findFirst())
                .map(test -> test.getDeclaringClass().getSimpleName() + "#" + test.getMethodName())
                .orElseThrow(() -> new IllegalStateException("A property runs inside a JUnit test method"));
    }

    private static boolean isTest(StackWalker.StackFrame frame) {
        try {
            Method method = frame.getDeclaringClass().getDeclaredMethod(frame.getMethodName(), frame.getMethodType().parameterArray());
            return AnnotationSupport.isAnnotated(method, Testable.class);
        } catch (NoSuchMethodException lambdaOrConstructor) {
            return false;
        }
    }

    /** QuickTheories' own report of a falsified property, followed by the command that runs it again. */
    private record RerunReporter(String test) implements Reporter {

        private static final Reporter QUICKTHEORIES = new ExceptionReporter();

        @Override
        public void falisification(long seed, int examplesUsed, Object smallest, List<Object> examples, AsString<Object> toString) {
            throw withRerun(seed, () -> QUICKTHEORIES.falisification(seed, examplesUsed, smallest, examples, toString));
        }

        @Override
        public void falisification(long seed, int examplesUsed, Object smallest, Throwable cause, List<Object> examples,
                AsString<Object> toString) {
            throw withRerun(seed, () -> QUICKTHEORIES.falisification(seed, examplesUsed, smallest, cause, examples, toString));
        }

        @Override
        public void valuesExhausted(int completedExamples) {
            QUICKTHEORIES.valuesExhausted(completedExamples);
        }

        private AssertionError withRerun(long seed, Runnable quickTheoriesReport) {
            String rerun = String.format("%nRun it again with: ./mvnw test -Dtest='%s' -D%s=%d", test, SEED, seed);
            try {
                quickTheoriesReport.run();
            } catch (AssertionError report) {
                return new AssertionError(report.getMessage() + rerun);
            }
            return new AssertionError("Property falsified, seed " + seed + rerun);
        }
    }
}
