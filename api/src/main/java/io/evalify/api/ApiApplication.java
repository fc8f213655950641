package io.evalify.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The job API: accepts evaluation jobs, fans out one task per student, and reports progress. */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan({"io.evalify.api", "io.evalify.core"})
public class ApiApplication {

    /** Starts the API. */
    public static void main(String[] args) {
        SpringApplication.run(ApiApplication.class, args);
    }
}
