package io.evalify.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.stream.Stream;

/** The rules the architecture tests apply, as functions of a package, so a test can show each one failing. */
final class ModuleRules {

    /** Packages of frameworks that must stay out of plain-Java modules (the graders, the schemas). */
    static final String[] FRAMEWORKS = {
        "org.springframework..", "org.apache.kafka..", "io.lettuce..", "jakarta.servlet..", "io.micrometer.."
    };

    private ModuleRules() {}

    /** Classes of {@code root} use of our own code only {@code root} itself and the {@code allowed} roots. */
    static ArchRule usesOnly(String root, String... allowed) {
        var ours = Stream.concat(Stream.of(root), Arrays.stream(allowed))
                .map(p -> p + "..")
                .toArray(String[]::new);
        return classes()
                .that()
                .resideInAPackage(root + "..")
                .should()
                .onlyDependOnClassesThat(not(resideInAPackage("io.evalify..")).or(resideInAnyPackage(ours)))
                .as(root + " uses only " + String.join(", ", allowed) + " of our modules");
    }

    /** Classes of {@code root} use none of the given packages. */
    static ArchRule usesNone(String root, String... packages) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages)
                .as(root + " uses none of " + String.join(", ", packages));
    }

    /** The sub-packages of {@code root} depend on each other without a cycle (a module without any passes). */
    static ArchRule freeOfCycles(String root) {
        return slices().matching(root + ".(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true)
                .as(root + " has no package cycle");
    }
}
