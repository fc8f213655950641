package io.evalify.architecture;

import static io.evalify.architecture.ModuleRules.usesOnly;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worker's feature packages (docs/ARCHITECTURE.md, the worker's table) and the directions they may use each
 * other in: every feature may use {@code config} and {@code metrics}; {@code config} uses only {@code metrics},
 * which uses no other package; {@code task} uses {@code lane} and {@code failure}; {@code heartbeat} reads
 * {@code lane}; nothing else crosses between features.
 */
class WorkerFeaturesTest {

    private static final String WORKER = "io.evalify.worker.";
    private static JavaClasses worker;

    @BeforeAll
    static void importWorker() {
        worker = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.evalify.worker");
    }

    @Test
    void shouldKeepMetricsAndConfigFreeOfTheFeatures() {
        check("metrics");
        check("config", "metrics");
    }

    @Test
    void shouldLetTheRouterLanesFailuresAndGradingUseOnlyConfigAndMetrics() {
        check("routing", "config", "metrics");
        check("lane", "config", "metrics");
        check("failure", "config", "metrics");
        check("grading", "config", "metrics");
        check("management", "config", "metrics");
    }

    @Test
    void shouldLetATaskUseTheLanesAndTheFailurePath() {
        check("task", "lane", "failure", "config", "metrics");
    }

    @Test
    void shouldLetTheHeartbeatReadTheLanes() {
        check("heartbeat", "lane", "config", "metrics");
    }

    private static void check(String feature, String... allowed) {
        var ours = new String[allowed.length + 3];
        for (int i = 0; i < allowed.length; i++) {
            ours[i] = WORKER + allowed[i];
        }
        ours[allowed.length] = "io.evalify.core";
        ours[allowed.length + 1] = "io.evalify.grading";
        ours[allowed.length + 2] = "io.evalify.schemas";
        usesOnly(WORKER + feature, ours).check(worker);
    }
}
