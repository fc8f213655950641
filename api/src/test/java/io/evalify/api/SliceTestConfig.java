package io.evalify.api;

import io.evalify.api.auth.ApiKeys;
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
@EnableConfigurationProperties({ApiProperties.class, RetentionProperties.class})
@Import(ApiKeys.class)
public class SliceTestConfig {

    /** The key slice tests send. */
    public static final String API_KEY = "slice-test-key";

    /** A second key, named {@code rotated}, for slices that list {@link #SECOND_KEY_PROPERTY}. */
    public static final String SECOND_KEY = "slice-test-rotated-key";

    /** Configures {@link #SECOND_KEY}. */
    public static final String SECOND_KEY_PROPERTY = "evalify.api.api-keys.rotated=" + SECOND_KEY;

    /** Properties every slice uses (one property, so a test can list it beside its own). */
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
