package org.harmony.dsar.system;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.harmony.dsar.kernel.ClusterLock;
import org.harmony.dsar.kernel.KeyedHash;
import org.harmony.dsar.kernel.process.ProcessStartGuard;
import org.harmony.dsar.kernel.process.TaskCompletionGuard;
import org.harmony.dsar.kernel.web.ApiProperties;
import org.harmony.dsar.system.process.SubmissionGuardFilter;
import org.harmony.dsar.system.process.TaskFormRules;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

    /** Outside the demo profile, no start with the demo's secrets or without an admin and a catalogue. */
    @Bean
    static SafeDefaults safeDefaults() {
        return new SafeDefaults();
    }

    /**
     * A JSON number or boolean where text is expected is an error, not silently turned into text; and an enum (a
     * request type, a jurisdiction) is given by its name, never by its position: {@code 0} and {@code "0"} are
     * refused rather than read as the first constant.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictScalars() {
        return builder -> builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Bean
    SimpleModule enumNamesOnly() {
        return new SimpleModule("enum-names-only").setDeserializerModifier(new NoEnumIndexes());
    }

    /** Jackson reads a numeric string as an enum's ordinal even with FAIL_ON_NUMBERS_FOR_ENUMS; this refuses it. */
    static final class NoEnumIndexes extends BeanDeserializerModifier {

        private static final Pattern NUMBER = Pattern.compile("\\s*[+-]?\\d+\\s*");

        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                BeanDescription description, JsonDeserializer<?> deserializer) {
            return new NamesOnly(deserializer);
        }

        private static final class NamesOnly extends DelegatingDeserializer {

            NamesOnly(JsonDeserializer<?> delegate) {
                super(delegate);
            }

            @Override
            protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
                return new NamesOnly(delegate);
            }

            @Override
            public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (parser.hasToken(JsonToken.VALUE_STRING) && NUMBER.matcher(parser.getText()).matches()) {
                    return context.handleWeirdStringValue(handledType(), parser.getText(),
                            "a number is not accepted where a name is expected");
                }
                return super.deserialize(parser, context);
            }
        }
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
    ClientBuckets clientBuckets(ApiProperties properties, DataSource dataSource, KeyedHash hash, ClusterLock lock) {
        return ClientBuckets.of(properties.rateLimit(), dataSource, hash, lock);
    }

    @Bean
    FilterRegistrationBean<ApiGuardFilter> apiGuard(ApiProperties properties, ClientBuckets buckets,
            ObjectMapper json) {
        FilterRegistrationBean<ApiGuardFilter> registration =
                new FilterRegistrationBean<>(new ApiGuardFilter(properties, buckets, json));
        registration.setName("requester-api-guard");
        registration.addUrlPatterns("/api/*", "/privacy/*");
        return registration;
    }
}
