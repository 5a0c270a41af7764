package org.harmony.dsar.operations;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP metrics name paths, never values in them: the engine's REST API and the webapps (Jersey, not Spring MVC)
 * report raw paths, with task ids and business keys (request references) in path and query. Those become a
 * template before a meter exists, which also keeps the number of series bounded.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    MeterFilter pathTemplatesOnly() {
        return MeterFilter.replaceTagValues("uri", MetricsConfiguration::template);
    }

    static String template(String uri) {
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        return Arrays.stream(path.split("/", -1))
                .map(segment -> segment.chars().anyMatch(Character::isDigit) && !segment.startsWith("{")
                        ? "{id}" : segment)
                .collect(Collectors.joining("/"));
    }
}
