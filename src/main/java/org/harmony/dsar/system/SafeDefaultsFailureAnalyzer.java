package org.harmony.dsar.system;

import java.util.stream.Collectors;

import org.harmony.dsar.system.SafeDefaults.UnsafeConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A refused start as Spring Boot's short "APPLICATION FAILED TO START" report: what is wrong and what to set. */
class SafeDefaultsFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeConfigurationException cause) {
        String description = "The engine runs outside the demo profile and is not configured for it:"
                + cause.problems().stream().map(problem -> "\n - " + problem).collect(Collectors.joining());
        String action = """
                Set the environment variables named above (docs/security.md, "Safe defaults"), or try the engine with \
                the demo profile (mvn spring-boot:run, or --spring.profiles.active=demo): embedded database and \
                SMTP server, demo users with known passwords, never for real data.""";
        return new FailureAnalysis(description, action, cause);
    }
}
