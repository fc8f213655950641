package io.evalify.core.security;

import java.util.Locale;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused secret into Spring Boot's short "APPLICATION FAILED TO START" report instead of a stack trace. */
class InsecureConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InsecureConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InsecureConfigurationException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set " + cause.property() + " (environment variable "
                        + cause.property()
                                .toUpperCase(Locale.ROOT)
                                .replace('.', '_')
                                .replace('-', '_')
                        + "), e.g. to the output of 'openssl rand -hex 32'. For a local run, activate the 'local' profile.",
                cause);
    }
}
