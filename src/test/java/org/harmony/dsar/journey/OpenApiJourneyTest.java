package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI documents of the requester and staff APIs list every endpoint the project's controllers serve, and
 * they and Swagger UI are for staff only.
 */
class OpenApiJourneyTest extends JourneyTestSupport {

    /**
     * Project endpoints outside both APIs: pages for browsers (the privacy center, its old addresses, the demo mailbox,
     * and the case file and package a reviewer opens from a Tasklist form).
     */
    private static final Pattern PAGES = Pattern.compile("[A-Z]+ /(privacy(/.*)?|verify\\.html|identity\\.html|mailbox"
            + "|api/officer/requests/\\{reference}/(case-file|package))");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void shouldDocumentEveryControllerEndpointInTheRequesterOrStaffApi() {
        Set<String> requester = operations("requester");
        Set<String> staff = operations("staff");
        assertThat(requester).isNotEmpty().allMatch(operation -> operation.contains(" /api/requests"));
        assertThat(staff).contains("GET /api/reports/ccpa-metrics", "POST /api/breaches", "GET /api/legal-holds")
                .noneMatch(operation -> operation.contains(" /api/requests"));

        Set<String> served = new HashSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().startsWith("org.harmony.dsar")) {
                served.addAll(operations(info));
            }
        });
        assertThat(served).anyMatch(operation -> PAGES.matcher(operation).matches());
        served.removeIf(operation -> PAGES.matcher(operation).matches());
        Set<String> documented = new HashSet<>(requester);
        documented.addAll(staff);
        assertThat(served).as("the controllers' endpoints").hasSizeGreaterThan(15);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void shouldShowTheDocumentsAndSwaggerUiToStaffOnly() {
        assertThat(http.getForEntity("/v3/api-docs/requester", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/v3/api-docs", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> ui = http.getForEntity("/swagger-ui/index.html", String.class);
        assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(ui.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");

        ResponseEntity<String> staffUi = http.withBasicAuth("legal", "legal")
                .getForEntity("/swagger-ui/index.html", String.class);
        assertThat(staffUi.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(staffUi.getBody()).contains("swagger-ui");
        assertThat(http.withBasicAuth("prometheus", "prometheus").getForEntity("/v3/api-docs/staff", String.class)
                .getStatusCode()).as("a scraper is no staff").isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** "METHOD /path" of every operation in the group's document, as an officer reads it. */
    private Set<String> operations(String group) {
        ResponseEntity<Map> document = http.withBasicAuth("officer", "officer")
                .getForEntity("/v3/api-docs/" + group, Map.class);
        assertThat(document.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(document.getBody()).containsKey("openapi");
        Set<String> operations = new HashSet<>();
        ((Map<String, Map<String, Object>>) document.getBody().get("paths")).forEach((path, methods) ->
                methods.keySet().forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }

    private static Set<String> operations(RequestMappingInfo info) {
        Set<String> operations = new HashSet<>();
        info.getPatternValues().forEach(path -> info.getMethodsCondition().getMethods()
                .forEach(method -> operations.add(method.name() + " " + path)));
        return operations;
    }
}
