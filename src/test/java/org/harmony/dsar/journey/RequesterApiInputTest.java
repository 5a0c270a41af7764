package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Bad input to the public API: every refusal is a 4xx problem+json that names the problem, and no process
 * starts for a refused request.
 */

class RequesterApiInputTest extends JourneyTestSupport {

    private static final String VALID = """
            {"type": "ACCESS", "jurisdiction": "EU", "email": "someone@example.org", "fullName": "Some One"}""";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private ObjectMapper json;

    private long processesBefore;

    @BeforeEach
    void countProcesses() {
        processesBefore = processCount();
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("{}", List.of("type", "jurisdiction", "email", "fullName")),
                Arguments.of(VALID.replace("ACCESS", "DELETE_EVERYTHING"), List.of("type")),
                Arguments.of(VALID.replace("\"EU\"", "\"MARS\""), List.of("jurisdiction")),
                Arguments.of(VALID.replace("someone@example.org", "not-an-email"), List.of("email")),
                Arguments.of(VALID.replace("Some One", "x".repeat(201)), List.of("fullName")),
                Arguments.of(VALID.replace("\"Some One\"", "\"   \""), List.of("fullName")),
                Arguments.of(VALID.replace("\"Some One\"", "42"), List.of("fullName")),
                Arguments.of(VALID.replace("}", ", \"isAdmin\": true}"), List.of("isAdmin")),
                Arguments.of(VALID.replace("}", ", \"dataPoints\": {\"phone'; DROP TABLE x;--\": \"1\"}}"),
                        List.of("dataPoints")),
                Arguments.of(VALID.replace("}", ", \"agent\": {\"name\": \"A\"}}"),
                        List.of("agent.email", "agent.relationship")),
                Arguments.of(VALID.replace("}", ", \"details\": \"" + "d".repeat(4001) + "\"}"), List.of("details")),
                Arguments.of(VALID.replace("}", ", \"language\": \"<script>\"}"), List.of("language")));
    }

    @ParameterizedTest
    @MethodSource("invalidBodies")
    void shouldRefuseInvalidFieldsNamingEachOne(String body, List<String> fields) throws Exception {
        MockHttpServletResponse response = call(post("/api/requests").contentType(MediaType.APPLICATION_JSON)
                .content(body));

        assertThat(response.getStatus()).isEqualTo(400);
        Map<String, Object> problem = problem(response);
        assertThat(problem).containsEntry("status", 400).containsKey("detail");
        for (String field : fields) {
            assertThat((String) problem.get("detail")).contains(field);
        }
        assertThat(processCount()).isEqualTo(processesBefore);
    }

    @Test
    void shouldRefuseMalformedJsonAndInvalidUtf8() throws Exception {
        MockHttpServletResponse malformed = call(post("/api/requests").contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\": \"ACCESS\","));
        assertThat(malformed.getStatus()).isEqualTo(400);
        assertThat((String) problem(malformed).get("detail")).contains("not valid JSON");

        byte[] invalidUtf8 = VALID.replace("Some One", "Some \u0000One").getBytes(StandardCharsets.UTF_8);
        invalidUtf8[invalidUtf8.length - 5] = (byte) 0xC3;
        invalidUtf8[invalidUtf8.length - 4] = (byte) 0x28;
        MockHttpServletResponse garbled = call(post("/api/requests").contentType(MediaType.APPLICATION_JSON)
                .content(invalidUtf8));
        assertThat(garbled.getStatus()).isEqualTo(400);
        assertThat(garbled.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(processCount()).isEqualTo(processesBefore);
    }

    @Test
    void shouldRefuseWrongContentTypeWith415() throws Exception {
        MockHttpServletResponse response = call(post("/api/requests").contentType(MediaType.TEXT_PLAIN)
                .content(VALID));
        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(processCount()).isEqualTo(processesBefore);
    }

    @Test
    void shouldRefuseOversizedBodiesWith413() throws Exception {
        String huge = VALID.replace("}", ", \"details\": \"" + "x".repeat(20_000) + "\"}");
        MockHttpServletResponse response = call(post("/api/requests").contentType(MediaType.APPLICATION_JSON)
                .content(huge));
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat((String) problem(response).get("detail")).contains("16384");
        assertThat(processCount()).isEqualTo(processesBefore);
    }

    @Test
    void shouldRefuseFloodsFromOneClientWith429() throws Exception {
        int lastStatus = 0;
        MockHttpServletResponse response = null;
        for (int i = 0; i < 1500 && lastStatus != 429; i++) {
            response = mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON).content("{}")
                    .with(from("192.0.2.77"))).andReturn().getResponse();
            lastStatus = response.getStatus();
        }
        assertThat(lastStatus).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isNotBlank();
        assertThat((String) problem(response).get("title")).isEqualTo("Too many requests");
        // Other clients are not affected.
        assertThat(call(get("/api/requests/DSAR-00000-00000/status?token=x")).getStatus()).isEqualTo(404);
    }

    @Test
    void shouldAcceptAValidRequestAndAnswerTheSameWhetherOrNotDataIsHeld() throws Exception {
        MockHttpServletResponse unknown = call(post("/api/requests").contentType(MediaType.APPLICATION_JSON)
                .content(VALID));
        MockHttpServletResponse known = call(post("/api/requests").contentType(MediaType.APPLICATION_JSON)
                .content(VALID.replace("someone@example.org", "ada.lovelace@example.org")));

        assertThat(unknown.getStatus()).isEqualTo(202);
        assertThat(known.getStatus()).isEqualTo(202);
        assertThat(json.readValue(unknown.getContentAsString(), Map.class).keySet())
                .isEqualTo(json.readValue(known.getContentAsString(), Map.class).keySet())
                .containsExactlyInAnyOrder("reference", "status", "dueDate");
        assertThat(processCount()).isEqualTo(processesBefore + 2);
    }

    @Test
    void shouldNotRevealWhetherAReferenceExistsWhenVerifying() throws Exception {
        MockHttpServletResponse unknownReference = call(post("/api/requests/DSAR-ZZZZZ-ZZZZZ/verification")
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\": \"123456\"}"));
        assertThat(unknownReference.getStatus()).isEqualTo(422);
        MockHttpServletResponse notDigits = call(post("/api/requests/DSAR-ZZZZZ-ZZZZZ/verification")
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\": \"<script>\"}"));
        assertThat(notDigits.getStatus()).isEqualTo(400);
        assertThat((String) problem(notDigits).get("detail")).contains("code").doesNotContain("<script>");
    }

    @Test
    void shouldLockACodeAfterFiveWrongTriesSoThatItCannotBeBruteForced() throws Exception {
        String email = uniqueEmail("brute");
        MockHttpServletResponse accepted = call(post("/api/requests").contentType(MediaType.APPLICATION_JSON)
                .content(VALID.replace("someone@example.org", email)));
        String reference = (String) json.readValue(accepted.getContentAsString(), Map.class).get("reference");
        runDueJobs();
        String code = codeIn(awaitMail(email, reference + ": confirm your email address"));
        String wrong = code.equals("999999") ? "999998" : "999999";

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(verify(reference, wrong).getStatus()).as("wrong code, attempt " + attempt).isEqualTo(422);
        }
        MockHttpServletResponse fifth = verify(reference, wrong);
        assertThat(fifth.getStatus()).isEqualTo(429);
        assertThat((String) problem(fifth).get("detail")).contains("Ask for a new code");
        assertThat(verify(reference, code).getStatus()).as("even the right code, once locked").isEqualTo(429);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("IdentityVerificationProcess").count()).as("still waiting for verification")
                .isEqualTo(1);
    }

    private MockHttpServletResponse verify(String reference, String code) throws Exception {
        return call(post("/api/requests/" + reference + "/verification").contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\": \"" + code + "\"}"));
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(from("198.51.100.1"))).andReturn().getResponse();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return (MockHttpServletRequest request) -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> problem(MockHttpServletResponse response) throws Exception {
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        return json.readValue(response.getContentAsString(), Map.class);
    }

    private long processCount() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("DsarProcess")
                .count();
    }
}
