package io.evalify.grading.coding;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How one allowed language assembles a program.
 *
 * @param language the language
 * @param boilerplateCode code before the student's, or null
 * @param driverCode code after the student's, or null
 * @param referenceSolution the reference solution's code, or null when the solution has none
 */
record LanguageSetup(CodingLanguage language, String boilerplateCode, String driverCode, String referenceSolution) {

    /** Non-empty parts of [boilerplate, code, driver] joined with newlines. */
    String assemble(String code) {
        return Stream.of(boilerplateCode, code, driverCode)
                .filter(Objects::nonNull)
                .filter(part -> !part.isEmpty())
                .collect(Collectors.joining("\n"));
    }

    LanguageSetup withReference(String reference) {
        return new LanguageSetup(language, boilerplateCode, driverCode, reference);
    }
}
