package io.evalify.worker.management;

import io.evalify.core.backend.BackendProperties;
import io.evalify.core.security.NamedKeys;
import java.util.LinkedHashMap;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/** Wires the management key check of the worker's web endpoints, after refusing secrets anyone could guess. */
@Configuration(proxyBeanMethods = false)
class ManagementConfiguration {

    /**
     * The filter needs these keys when the web server is created, before any other bean: checking the secrets
     * here makes the worker refuse to start before it serves a request or reaches Kafka, Redis or the backend.
     */
    @Bean
    NamedKeys managementKeys(Environment environment, BackendProperties backend, ManagementProperties management) {
        WorkerSecretsCheck.require(environment, backend, management);
        var byName = new LinkedHashMap<String, String>();
        byName.put(ManagementProperties.PRIMARY, management.key());
        byName.putAll(management.keys());
        return NamedKeys.of(byName);
    }

    @Bean
    FilterRegistrationBean<ManagementKeyFilter> managementKeyFilter(NamedKeys managementKeys) {
        var registration = new FilterRegistrationBean<>(new ManagementKeyFilter(managementKeys));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
