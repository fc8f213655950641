package io.evalify.api;

import io.evalify.api.auth.ApiKeyVerifier;
import io.evalify.api.config.ApiProperties;
import io.evalify.core.job.RetentionProperties;
import io.evalify.schemas.SchemaValidator;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} slice of the API needs besides its controller: typed settings (the filters read
 * them), the key check, a clock and the schema validator. Collaborators at the slice boundary are mocked by each test.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ApiKeyVerifier.class)
@EnableConfigurationProperties({ApiProperties.class, RetentionProperties.class})
public class SliceTestConfig {

    /** The key slice tests send. */
    public static final String API_KEY = "slice-test-key";

    /** Properties every slice uses. */
    public static final String KEY_PROPERTY = "evalify.api.api-key=" + API_KEY;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SchemaValidator schemaValidator() {
        return new SchemaValidator();
    }
}
