package io.evalify.worker.grading;

import io.evalify.grading.GradingServices;
import io.evalify.grading.StudentGrader;
import io.evalify.grading.judge0.Judge0Client;
import io.evalify.grading.judge0.Judge0Config;
import io.evalify.grading.llm.LlmConfig;
import io.evalify.grading.llm.LlmGrader;
import io.evalify.worker.metrics.WorkerMetrics;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Wires the grading module for the worker: the LLM behind the Redis-held global limit, and Judge0. */
@Configuration(proxyBeanMethods = false)
class GradingConfiguration {

    @Bean
    StudentGrader studentGrader(
            GradingProperties grading, StringRedisTemplate redis, WorkerMetrics metrics, Clock clock) {
        var llm = grading.llm().baseUrl().isBlank() ? null : llm(grading.llm(), redis, metrics);
        return new StudentGrader(new GradingServices(llm, judge0(grading.judge0()), clock));
    }

    /** The LLM grader behind the global limit: one lease per call, reclaimed if a worker dies holding it. */
    private static LlmGrader llm(GradingProperties.Llm llm, StringRedisTemplate redis, WorkerMetrics metrics) {
        var config = new LlmConfig(
                llm.baseUrl(),
                llm.apiKey(),
                llm.model(),
                llm.timeout(),
                llm.maxRetries(),
                llm.malformedRetries(),
                llm.maxConcurrency(),
                llm.scoreStep(),
                0.0);
        var lease = llm.timeout().multipliedBy(llm.maxRetries() + 1L).plusSeconds(30);
        return new LlmGrader(config, new RedisLlmPermits(redis, llm.globalConcurrency(), lease, metrics));
    }

    private static Judge0Client judge0(GradingProperties.Judge0 judge0) {
        return judge0.baseUrl().isBlank()
                ? null
                : new Judge0Client(new Judge0Config(judge0.baseUrl(), judge0.timeout()));
    }
}
