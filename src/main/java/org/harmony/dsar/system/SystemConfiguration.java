package org.harmony.dsar.system;

import java.time.Clock;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The engine's REST API answers only to users of Camunda's identity service (HTTP Basic); authorizations
     * then limit what each user sees and does.
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> restApiAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiGuardFilter> apiGuard(ApiProperties properties,
            com.fasterxml.jackson.databind.ObjectMapper json) {
        FilterRegistrationBean<ApiGuardFilter> registration =
                new FilterRegistrationBean<>(new ApiGuardFilter(properties, json));
        registration.setName("requester-api-guard");
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
