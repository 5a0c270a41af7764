package org.harmony.dsar.system;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.metrics.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one place that says who may call the project's own HTTP endpoints, with Spring Security: HTTP Basic against
 * Camunda's identity service (the users and groups of Tasklist and the engine's REST API), group memberships as
 * authorities, stateless, checked before any controller reads a body. Reading requests (GET, HEAD) may instead carry
 * the session of a user logged in to Tasklist ({@link WebappSessionAuthentication}), so that the links of a task
 * form open in the same browser. Anonymous callers of a staff endpoint get 401
 * problem+json with a challenge, users outside its group 403 problem+json. The same chain writes the security
 * headers of the project's pages and API.
 *
 * <p>The chain and its servlet filter cover only the project's paths ({@link #PROJECT_PATHS}): the Camunda webapps
 * ({@code /camunda/**}, own login and CSRF protection) and the engine's REST API ({@code /engine-rest/**}, its
 * {@code ProcessEngineAuthenticationFilter}) never pass through Spring Security. No default user is created
 * ({@code UserDetailsServiceAutoConfiguration} is excluded in {@code DsarApplication}).
 */
@Configuration(proxyBeanMethods = false)
class StaffSecurity {

    /** Servlet URL patterns of the project's own API and pages; everything else is Camunda's. */
    static final String[] PROJECT_PATHS = {"/api/*", "/assets/*", "/privacy", "/privacy/*", "/verify.html",
            "/identity.html", "/mailbox", "/actuator/*", "/v3/api-docs/*", "/swagger-ui/*", "/swagger-ui.html"};

    /** The OpenAPI documents and Swagger UI (springdoc): for staff of every group. */
    private static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};

    static final String COMPLIANCE_OFFICERS = "complianceOfficers";
    static final String LEGAL_COUNSEL = "legalCounsel";
    static final String DPO = "dpo";
    static final String CAMUNDA_ADMIN = "camunda-admin";

    /** Who may call what: path patterns, the groups whose members may, and what anyone else is told. */
    record StaffArea(List<String> groups, String forbidden, String... paths) {

        RequestMatcher matcher() {
            return new OrRequestMatcher(Arrays.stream(paths).map(StaffSecurity::path).toList());
        }
    }

    static final List<StaffArea> STAFF_AREAS = List.of(
            new StaffArea(List.of(LEGAL_COUNSEL), "Only legal counsel manage legal holds.", "/api/legal-holds/**"),
            new StaffArea(List.of(DPO), "Only the DPO records and follows breaches.", "/api/breaches/**"),
            new StaffArea(List.of(COMPLIANCE_OFFICERS), "Only compliance officers see requested corrections.",
                    "/api/officer/requests/*/corrections"),
            new StaffArea(List.of(COMPLIANCE_OFFICERS), "Only compliance officers open identity documents.",
                    "/api/officer/requests/*/documents/**"),
            new StaffArea(List.of(COMPLIANCE_OFFICERS), "Only compliance officers attach and open scanned letters.",
                    "/api/officer/requests/*/letter-scans/**"),
            new StaffArea(List.of(COMPLIANCE_OFFICERS), "Only compliance officers use the officer API.",
                    "/api/officer/**"),
            new StaffArea(List.of(COMPLIANCE_OFFICERS, DPO), "Only compliance officers and the DPO read the reports.",
                    "/api/reports/**"),
            new StaffArea(List.of(COMPLIANCE_OFFICERS, LEGAL_COUNSEL, DPO, CAMUNDA_ADMIN),
                    "Only staff read the API documents.", API_DOCS));

    /** Public: the requester's API and pages (the privacy center), and the demo mailbox (which exists only in the demo profile). */
    private static final String[] PUBLIC_PATHS = {
            "/api/requests/**", "/assets/**", "/privacy", "/privacy/**", "/verify.html", "/identity.html", "/mailbox"};

    /** Scripts and styles come from files of this origin; nothing may frame the pages. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /**
     * The demo mailbox shows mails in sandboxed frames; their HTML has inline styles (never scripts). Swagger UI sets
     * inline styles too (its scripts are files).
     */
    static final String INLINE_STYLES_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'",
            "style-src 'self' 'unsafe-inline'");

    @Bean
    SecurityFilterChain staffEndpoints(HttpSecurity http, ObjectMapper json, IdentityService identities,
            ProcessEngine engine) throws Exception {
        RequestMatcher mailbox = path("/mailbox");
        RequestMatcher inlineStyles = new OrRequestMatcher(mailbox, path("/swagger-ui/**"));
        http.addFilterBefore(new WebappSessionAuthentication(identities, engine.getName()),
                        BasicAuthenticationFilter.class)
                .securityMatcher(new OrRequestMatcher(Arrays.stream(PROJECT_PATHS)
                        .map(pattern -> path(pattern.endsWith("/*") ? pattern + "*" : pattern)).toList()))
                .authorizeHttpRequests(requests -> {
                    STAFF_AREAS.forEach(area -> requests.requestMatchers(area.matcher())
                            .hasAnyAuthority(area.groups().toArray(String[]::new)));
                    requests.requestMatchers(Arrays.stream(PUBLIC_PATHS).map(StaffSecurity::path)
                            .toArray(RequestMatcher[]::new)).permitAll();
                    // An /api path no one has declared is nobody's: new endpoints are closed until listed here.
                    requests.anyRequest().denyAll();
                })
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated(json)))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthenticated(json))
                        .accessDeniedHandler(forbidden(json)))
                // Never touch a session: the webapps' (read through WebappSessionAuthentication) keeps its id.
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .headers(headers -> headers
                        .contentTypeOptions(options -> { })
                        .frameOptions(frames -> frames.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(inlineStyles),
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(inlineStyles,
                                new ContentSecurityPolicyHeaderWriter(INLINE_STYLES_CONTENT_SECURITY_POLICY))));
        return http.build();
    }

    /** Staff who may see health details and the other actuator endpoints beyond the bare status. */
    static final String[] OPERATIONS_STAFF = {CAMUNDA_ADMIN, DPO, COMPLIANCE_OFFICERS};

    /**
     * The actuator endpoints on the management port: liveness, readiness and the bare health status for anyone (a
     * container's probe); the Prometheus endpoint for the metrics group (a scraper's user); everything else, and the
     * health details ({@code management.endpoint.health.roles}), for operations staff.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain managementEndpoints(HttpSecurity http, ObjectMapper json,
            @Value("${dsar.operations.metrics-group:monitoring}") String metricsGroup) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers(EndpointRequest.to(PrometheusScrapeEndpoint.class))
                        .hasAnyAuthority(metricsGroup, CAMUNDA_ADMIN)
                        .anyRequest().hasAnyAuthority(OPERATIONS_STAFF))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated(json)))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthenticated(json))
                        .accessDeniedHandler(forbidden(json)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /**
     * Spring Security's servlet filter on the project's paths only (Boot's own registration, on every path, is
     * excluded in {@code DsarApplication}): Camunda's webapps and REST API keep their own security untouched.
     */
    @Bean
    DelegatingFilterProxyRegistrationBean securityFilterChainRegistration() {
        DelegatingFilterProxyRegistrationBean registration =
                new DelegatingFilterProxyRegistrationBean("springSecurityFilterChain");
        registration.setName("project-security");
        registration.addUrlPatterns(PROJECT_PATHS);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }

    /** Passwords and groups are Camunda's: one user list for Tasklist, the engine's REST API and this API. */
    @Bean
    AuthenticationProvider camundaUsers(IdentityService identities) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String userId = authentication.getName();
                Object password = authentication.getCredentials();
                if (userId == null || userId.isEmpty() || !(password instanceof String text)
                        || !identities.checkPassword(userId, text)) {
                    throw new BadCredentialsException("Wrong user name or password");
                }
                List<SimpleGrantedAuthority> groups = identities.createGroupQuery().groupMember(userId).list()
                        .stream().map(group -> new SimpleGrantedAuthority(group.getId())).toList();
                return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    /** A path Spring Security refuses outright (encoded slashes, line breaks...) is a 400 like any bad input. */
    @Bean
    RequestRejectedHandler rejectedRequests(ObjectMapper json) {
        return (request, response, rejected) -> write(json, request, response, ApiProblemHandler.problem(
                HttpStatus.BAD_REQUEST, "rejected-path", "Request rejected",
                "The request's path or headers contain characters that are not accepted."));
    }

    private static AuthenticationEntryPoint unauthenticated(ObjectMapper json) {
        return (request, response, exception) -> {
            // A script of a page (Tasklist's, asking with X-Requested-With) gets no challenge: the browser would show its
            // own login dialog over the page.
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"DSAR staff\", charset=\"UTF-8\"");
            }
            write(json, request, response, ApiProblemHandler.problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "Login required", "Log in with your Camunda user name and password."));
        };
    }

    private static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, exception) -> {
            String detail = STAFF_AREAS.stream().filter(area -> area.matcher().matches(request))
                    .map(StaffArea::forbidden).findFirst().orElse("This endpoint is not open to you.");
            write(json, request, response,
                    ApiProblemHandler.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail));
        };
    }

    private static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
            ProblemDetail problem) throws IOException {
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException unparseable) {
            // A path that is no URI (a rejected one) is not repeated in the answer.
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
