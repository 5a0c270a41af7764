package org.harmony.dsar.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Outside the demo profile the engine starts only with secrets and a catalogue of its own: a hash key that is not
 * the demo's, an admin user from the environment (so Camunda Admin's first-user page is never open to the first
 * visitor) and a data source catalogue that is not the demo's. Runs before any bean is created, so a refused
 * start has touched neither the database nor the network; {@link SafeDefaultsFailureAnalyzer} reports what to set.
 */
class SafeDefaults implements BeanFactoryPostProcessor, EnvironmentAware {

    static final String DEMO_PROFILE = "demo";
    static final int MIN_HASH_KEY_LENGTH = 32;
    /** Hash keys anyone can read: the demo profile's and the old salt's default. */
    static final Set<String> KNOWN_HASH_KEYS = Set.of("demo-hash-key-known-to-everyone", "change-this-salt");
    static final String DEMO_CATALOGUE = "classpath:data-sources.yml";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (environment.acceptsProfiles(Profiles.of(DEMO_PROFILE))) {
            return;
        }
        List<String> problems = problems(Binder.get(environment));
        if (!problems.isEmpty()) {
            throw new UnsafeConfigurationException(problems);
        }
    }

    /** What is missing or unsafe outside the demo profile, one sentence each naming the property and variable. */
    static List<String> problems(Binder config) {
        List<String> problems = new ArrayList<>();
        String hashKey = value(config, "dsar.security.hash-key");
        if (hashKey.isEmpty()) {
            problems.add("dsar.security.hash-key (DSAR_HASH_KEY) is not set: give it a secret of at least "
                    + MIN_HASH_KEY_LENGTH + " characters, such as the output of openssl rand -base64 32");
        } else if (KNOWN_HASH_KEYS.contains(hashKey)) {
            problems.add("dsar.security.hash-key (DSAR_HASH_KEY) is a published default: give it a secret of your own");
        } else if (hashKey.length() < MIN_HASH_KEY_LENGTH) {
            problems.add("dsar.security.hash-key (DSAR_HASH_KEY) is shorter than " + MIN_HASH_KEY_LENGTH
                    + " characters");
        }
        String adminId = value(config, "camunda.bpm.admin-user.id");
        String adminPassword = value(config, "camunda.bpm.admin-user.password");
        if (adminId.isEmpty() || adminPassword.isEmpty()) {
            problems.add("no admin user is configured: set camunda.bpm.admin-user.id and .password (DSAR_ADMIN_USER"
                    + " and DSAR_ADMIN_PASSWORD, or CAMUNDA_BPM_ADMINUSER_ID and CAMUNDA_BPM_ADMINUSER_PASSWORD);"
                    + " without one, Camunda Admin offers to create the first admin to whoever opens it first");
        } else if (adminPassword.equals(adminId)) {
            problems.add("the admin user's password (DSAR_ADMIN_PASSWORD) is its user id: choose another");
        }
        String catalogue = value(config, "dsar.catalogue.location");
        if (catalogue.isEmpty()) {
            problems.add("dsar.catalogue.location (DSAR_CATALOGUE) is not set: point it at your data source"
                    + " catalogue (file:config/data-sources.yml); without one every request would be answered"
                    + " with \"no data found\"");
        } else if (catalogue.equals(DEMO_CATALOGUE)) {
            problems.add("dsar.catalogue.location (DSAR_CATALOGUE) is the demo catalogue, whose sources exist only"
                    + " in the demo profile: point it at your own");
        }
        return problems;
    }

    private static String value(Binder config, String name) {
        return config.bind(name, String.class).map(String::strip).orElse("");
    }

    /** The engine must not start as configured; the message lists every problem. */
    static class UnsafeConfigurationException extends RuntimeException {

        private final List<String> problems;

        UnsafeConfigurationException(List<String> problems) {
            super("Refusing to start outside the demo profile: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }
}
