package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.harmony.dsar.kernel.web.ApiProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public API cannot be turned against someone: intake does not flood one address with mails, and input that
 * Jackson or the servlet container would bend (enum positions, multipart bodies, addresses without a real domain)
 * is refused with 400 problem+json naming the problem.
 */
class PublicApiAbuseTest extends JourneyTestSupport {

    private static final String VALID = """
            {"type": "ACCESS", "jurisdiction": "EU", "email": "%s", "fullName": "Some One"}""";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private ApiProperties api;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldCapRequestsPerRecipientAndAnswerAsTheClientLimitDoes() throws Exception {
        int cap = api.rateLimit().perRecipientPerDay();
        String flooded = uniqueEmail("flooded");
        for (int i = 0; i < cap; i++) {
            // A different client each time: the per-client limit is not what stops them. A different right or law
            // each time too: identical requests are one case (RepeatedRequestsJourneyTest), not several.
            assertThat(intake(variant(flooded, i), "198.51.100." + (20 + i)).getStatus()).isEqualTo(202);
        }
        long processes = processCount();
        long stored = storedRequests();

        MockHttpServletResponse capped = intake(variant(flooded.toUpperCase(), cap), "198.51.100.99");
        MockHttpServletResponse viaAgent = intake("""
                {"type": "ACCESS", "jurisdiction": "EU", "email": "%s", "fullName": "Some One",
                 "agent": {"name": "An Agent", "email": "%s", "relationship": "authorised agent"}}"""
                .formatted(uniqueEmail("someone.else"), flooded), "198.51.100.98");
        MockHttpServletResponse clientLimit = floodFrom("192.0.2.88");

        for (MockHttpServletResponse refused : List.of(capped, viaAgent)) {
            assertThat(refused.getStatus()).isEqualTo(clientLimit.getStatus()).isEqualTo(429);
            assertThat(refused.getContentType()).isEqualTo(clientLimit.getContentType());
            assertThat(refused.getHeader("Retry-After")).matches("[0-9]+");
            Map<String, Object> body = body(refused);
            Map<String, Object> limitBody = body(clientLimit);
            assertThat(body.keySet()).containsExactlyElementsOf(limitBody.keySet());
            assertThat(body).containsEntry("type", limitBody.get("type")).containsEntry("title", limitBody.get("title"))
                    .containsEntry("status", 429);
            assertThat(body.get("detail")).asString().matches("Too many requests from your address\\. Try again in"
                    + " [0-9]+ seconds\\.");
            assertThat(headerNames(refused)).isEqualTo(headerNames(clientLimit));
        }
        assertThat(processCount()).as("no process, so no mail, for a capped request").isEqualTo(processes);
        assertThat(storedRequests()).isEqualTo(stored);
        assertThat(intake(VALID.formatted(uniqueEmail("other")), "198.51.100.99").getStatus())
                .as("other addresses are not affected").isEqualTo(202);
    }

    /** A valid request of a right and jurisdiction that differ for every {@code n} below 56. */
    private static String variant(String email, int n) {
        String[] types = {"ACCESS", "ERASURE", "PORTABILITY", "RECTIFICATION", "RESTRICTION", "OBJECTION",
                "WITHDRAW_CONSENT", "OPT_OUT_OF_SALE"};
        String[] jurisdictions = {"EU", "UK", "US-CA", "US-VA", "US-CO", "BR", "IN"};
        return VALID.formatted(email).replace("ACCESS", types[n % types.length])
                .replace("\"EU\"", "\"" + jurisdictions[n / types.length] + "\"");
    }

    static Stream<Arguments> bentInput() {
        return Stream.of(
                Arguments.of(VALID.replace("\"ACCESS\"", "\"0\""), "type"),
                Arguments.of(VALID.replace("\"ACCESS\"", "0"), "type"),
                Arguments.of(VALID.replace("\"ACCESS\"", "\" 3 \""), "type"),
                Arguments.of(VALID.replace("\"EU\"", "\"1\""), "jurisdiction"),
                Arguments.of(VALID.replace("\"EU\"", "1"), "jurisdiction"),
                Arguments.of(VALID.formatted("a@localhost"), "email"),
                Arguments.of(VALID.formatted("root@intranet"), "email"),
                Arguments.of(VALID.formatted("someone@example.org").replace("}",
                        ", \"agent\": {\"name\": \"A\", \"email\": \"agent@localhost\", \"relationship\": \"parent\"}}"),
                        "agent.email"));
    }

    @ParameterizedTest
    @MethodSource("bentInput")
    void shouldRefuseNumbersForNamesAndAddressesWithoutADomain(String body, String field) throws Exception {
        long processes = processCount();
        MockHttpServletResponse response = intake(body.contains("%s") ? body.formatted("someone@example.org") : body,
                "198.51.100.7");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(body(response).get("detail")).asString().startsWith(field + ":");
        assertThat(processCount()).isEqualTo(processes);
    }

    @Test
    void shouldRefuseANumberForAnyEnumOfTheApi() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth("legal", "legal");
        ResponseEntity<Map> hold = http.exchange("/api/legal-holds", HttpMethod.POST,
                new HttpEntity<>("{\"scope\": \"0\"}", headers), Map.class);
        assertThat(hold.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(hold.getBody().get("detail")).asString().startsWith("scope: must be one of");
    }

    @Test
    void shouldAnswerAMalformedMultipartBodyWith400() {
        // No endpoint takes multipart, but Spring parses such a body before it chooses one: a part without its
        // closing boundary was a 500.
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=xyz");
        for (String body : new String[] {
                "--xyz\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nACCESS",
                "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF"}) {
            for (String path : new String[] {"/api/requests", "/api/requests/DSAR-00000-00000/documents?token=x"}) {
                ResponseEntity<Map> response = http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                        Map.class);
                assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(response.getBody()).containsEntry("type", "urn:dsar:problem:malformed-multipart");
            }
        }
    }

    private MockHttpServletResponse intake(String body, String client) throws Exception {
        return mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(request -> {
                    request.setRemoteAddr(client);
                    return request;
                })).andReturn().getResponse();
    }

    private MockHttpServletResponse floodFrom(String client) throws Exception {
        MockHttpServletResponse response = null;
        for (int i = 0; i < 1500 && (response == null || response.getStatus() != 429); i++) {
            response = intake("{}", client);
        }
        return response;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(MockHttpServletResponse response) throws Exception {
        return json.readValue(response.getContentAsByteArray(), Map.class);
    }

    private static List<String> headerNames(MockHttpServletResponse response) {
        return response.getHeaderNames().stream().sorted().toList();
    }

    private long processCount() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("DsarProcess")
                .count();
    }

    private long storedRequests() {
        return jdbc.sql("SELECT COUNT(*) FROM dsar_request").query(Long.class).single();
    }
}
