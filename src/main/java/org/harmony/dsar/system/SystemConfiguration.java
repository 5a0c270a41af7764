package org.harmony.dsar.system;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.harmony.dsar.system.process.ProcessStartGuard;
import org.harmony.dsar.system.process.TaskCompletionGuard;
import org.harmony.dsar.system.process.TaskFormRules;
import org.harmony.dsar.system.process.SubmissionGuardFilter;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

    /** Outside the demo profile, no start with the demo's secrets or without an admin and a catalogue. */
    @Bean
    static SafeDefaults safeDefaults() {
        return new SafeDefaults();
    }

    /** A JSON number or boolean where text is expected is an error, not silently turned into text. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictScalars() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    KeyedHash keyedHash(SecurityProperties security) {
        return new KeyedHash(security.hashKey());
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
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Server-side checks of task completions and form starts through the REST API (after its authentication) and Tasklist. */
    @Bean
    FilterRegistrationBean<SubmissionGuardFilter> taskFormSubmissionValidation(
            TaskFormRules taskForms, List<TaskCompletionGuard> completionGuards, List<ProcessStartGuard> startGuards,
            TaskService tasks, RepositoryService repository, IdentityService identity, ObjectMapper json) {
        FilterRegistrationBean<SubmissionGuardFilter> registration = new FilterRegistrationBean<>(new SubmissionGuardFilter(
                taskForms, completionGuards, startGuards, tasks, repository, identity, json));
        registration.setName("task-form-submission-validation");
        registration.addUrlPatterns("/engine-rest/task/*", "/engine-rest/process-definition/*",
                "/camunda/api/engine/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiGuardFilter> apiGuard(ApiProperties properties,
            ObjectMapper json) {
        FilterRegistrationBean<ApiGuardFilter> registration =
                new FilterRegistrationBean<>(new ApiGuardFilter(properties, json));
        registration.setName("requester-api-guard");
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
