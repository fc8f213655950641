package io.evalify.worker.task;

import io.evalify.core.backend.BackendClient;
import io.evalify.core.backend.BackendProperties;
import io.evalify.core.job.JobStore;
import io.evalify.grading.StudentGrader;
import io.evalify.worker.config.WorkerProperties;
import io.evalify.worker.failure.FailurePublisher;
import io.evalify.worker.metrics.WorkerMetrics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires one student's work: the backend client, the quiz catalog and the handler the lanes call. */
@Configuration(proxyBeanMethods = false)
class TaskConfiguration {

    @Bean
    BackendClient backendClient(BackendProperties properties, WorkerMetrics metrics) {
        return new BackendClient(properties, metrics);
    }

    @Bean
    QuizCatalog quizCatalog(BackendClient backend, WorkerProperties properties) {
        return new QuizCatalog(backend, properties.quizCacheTtl());
    }

    @Bean
    TaskHandler taskHandler(
            JobStore jobs,
            BackendClient backend,
            QuizCatalog catalog,
            StudentGrader grader,
            FailurePublisher failures,
            WorkerMetrics metrics,
            WorkerProperties properties) {
        var jobCache = new JobCache(jobs, properties.jobCacheTtl());
        return new TaskHandler(jobs, jobCache, backend, catalog, grader, failures, metrics, properties.taskTimeout());
    }
}
