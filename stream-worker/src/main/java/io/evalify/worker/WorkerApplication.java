package io.evalify.worker;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The worker: Kafka Streams routing and retry scheduling, plus one call-stage consumer per lane. */
@SpringBootApplication
@ConfigurationPropertiesScan({"io.evalify.worker", "io.evalify.core"})
public class WorkerApplication {

    /**
     * The worker's configuration file is {@code evalify-worker.yml}, not {@code application.yml}, so that it never
     * collides with the API's when both run in one JVM (tests, the benchmark).
     */
    public static final String CONFIG_NAME = "evalify-worker";

    /** Starts the worker. */
    public static void main(String[] args) {
        new SpringApplicationBuilder(WorkerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
