package org.harmony.dsar.system;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.harmony.dsar.system.process.TaskFormRules;
import org.harmony.dsar.system.process.TaskFormSubmissionFilter;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

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

    /** Server-side form validation of task completions through the REST API (after its authentication) and Tasklist. */
    @Bean
    FilterRegistrationBean<TaskFormSubmissionFilter> taskFormSubmissionValidation(TaskFormRules formRules,
            TaskService tasks, IdentityService identity, ObjectMapper json) {
        FilterRegistrationBean<TaskFormSubmissionFilter> registration =
                new FilterRegistrationBean<>(new TaskFormSubmissionFilter(formRules, tasks, identity, json));
        registration.setName("task-form-submission-validation");
        registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/engine/*");
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
