package io.evalify.fakes.llm;

import java.util.regex.Pattern;

/** Spots text in a student answer that talks to the grader instead of answering the question. */
final class InjectionDetector {

    private static final Pattern ADDRESSED_TO_GRADER = Pattern.compile(
            String.join(
                    "|",
                    "\\bignore\\b",
                    "\\bdisregard\\b",
                    "full\\s+marks",
                    "maximum\\s+marks",
                    "as\\s+the\\s+grader",
                    "\\bsystem\\s*:",
                    "\\bassistant\\s*:",
                    "you\\s+are\\s+now",
                    "\\bscore\\b",
                    "\\b\\d+\\s*/\\s*\\d+\\b",
                    "role[-\\s]?play",
                    "\\bpretend\\b",
                    "\\bact\\s+as\\b"),
            Pattern.CASE_INSENSITIVE);

    private InjectionDetector() {}

    static boolean addressesGrader(String studentAnswer) {
        return ADDRESSED_TO_GRADER.matcher(studentAnswer).find();
    }
}
