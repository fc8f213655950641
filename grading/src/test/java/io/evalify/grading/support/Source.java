package io.evalify.grading.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Where a grading case comes from. Each annotation is also a JUnit tag, so one origin can be run on its own
 * ({@code ./mvnw -pl grading test -Dgroups=old-suite}), while the cases themselves live with the grader they test.
 */
public final class Source {

    private Source() {}

    /**
     * Ported from the old evaluator's own suite: the value names its test in {@code tests/test_evaluators.py}
     * of evalify/evalify-evaluator. A case whose result one of our fixes changed says so in its Javadoc.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @Tag("old-suite")
    public @interface OldSuite {
        /** The upstream test function. */
        String value();
    }

    /** A behaviour found by running the old evaluator, not covered by its suite; the value states the fact. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @Tag("observed-fact")
    public @interface ObservedFact {
        /** What the old evaluator did (and, when we differ, what we do). */
        String value();
    }

    /** A deliberate change from the old evaluator; the value names the row of the deviation table in GRADING.md. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @Tag("fix")
    public @interface Fix {
        /** The fix. */
        String value();
    }
}
