package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriUtils;

/**
 * Over a thousand generated malformed and hostile calls to intake and verification: none gets a 5xx, every
 * refusal is problem+json that names the problem, and no process starts for a refused request.
 */

class HostileInputTest extends JourneyTestSupport {

    private static final String[] HOSTILE = {
        "<script>alert(1)</script>", "'; DROP TABLE dsar_request; --", "\" OR \"1\"=\"1", "${jndi:ldap://x/a}",
        "#{7*7}", "{{7*7}}", "../../etc/passwd", "\u0000", "\uFEFF", "🦄".repeat(50), "a".repeat(300),
        "x".repeat(5000), "%00", "\r\nBcc: victim@example.org", "null", "true", "-1", "1e309", "[]", "{}"
    };
    private static final String[] FIELDS = {"type", "jurisdiction", "email", "fullName", "details", "language"};
    private static final String[] CONTENT_TYPES = {
        "application/json", "text/plain", "application/xml", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1"
    };

    @Autowired
    private MockMvc mvc;
    @Autowired
    private ObjectMapper json;

    @Test
    void shouldAnswerEveryHostileCallWithAClearProblemAndStartNothingForIt() throws Exception {
        Random random = new Random(20261122L);
        long processesBefore = processCount();
        int accepted = 0;
        List<String> failures = new ArrayList<>();
        int calls = 1200;
        for (int i = 0; i < calls; i++) {
            Call call = generate(random, i);
            MockHttpServletResponse response = mvc.perform(post(URI.create(call.path())).contentType(call.contentType())
                    .content(call.body()).with(request -> {
                        request.setRemoteAddr("203.0.113." + (call.hashCode() & 0x7f));
                        return request;
                    })).andReturn().getResponse();
            int status = response.getStatus();
            if (status == 202) {
                accepted++;
                continue;
            }
            if (status >= 500 || status < 400) {
                failures.add(i + ": " + status + " for " + call);
                continue;
            }
            if (!"application/problem+json".equals(response.getContentType())) {
                failures.add(i + ": " + response.getContentType() + " for " + call);
                continue;
            }
            Map<?, ?> problem = json.readValue(response.getContentAsByteArray(), Map.class);
            if (!(problem.get("detail") instanceof String detail) || detail.isBlank()
                    || !Integer.valueOf(status).equals(problem.get("status"))) {
                failures.add(i + ": problem without detail " + problem);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(accepted).as("some hostile values are valid input, for example a name with markup")
                .isPositive().isLessThan(calls / 2);
        assertThat(processCount()).as("one process per accepted request, none for a refused one")
                .isEqualTo(processesBefore + accepted);
    }

    private Call generate(Random random, int i) {
        String valid = """
                {"type": "ACCESS", "jurisdiction": "EU", "email": "hostile%d@example.org", "fullName": "Hostile Input"}"""
                .formatted(i);
        String hostile = HOSTILE[random.nextInt(HOSTILE.length)];
        String quoted = jsonString(hostile);
        return switch (i % 8) {
            case 0 -> new Call("/api/requests", "application/json",
                    bytes(withField(i, FIELDS[random.nextInt(FIELDS.length)], hostile)));
            case 1 -> new Call("/api/requests", "application/json", bytes(valid.replace("\"Hostile Input\"", quoted)));
            case 2 -> new Call("/api/requests", CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)], bytes(valid));
            case 3 -> new Call("/api/requests", "application/json", randomBytes(random));
            case 4 -> new Call("/api/requests", "application/json",
                    bytes(valid.substring(0, random.nextInt(valid.length()))));
            case 5 -> new Call("/api/requests/" + UriUtils.encodePathSegment(hostile, StandardCharsets.UTF_8)
                    + "/verification", "application/json",
                    bytes("{\"code\": " + quoted + "}"));
            case 6 -> new Call("/api/requests/DSAR-ABCDE-FGHIJ/verification",
                    CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)], randomBytes(random));
            default -> new Call("/api/requests", "application/json", bytes(valid.replace("}",
                    ", \"dataPoints\": {" + quoted + ": " + quoted + "}, \"agent\": {\"name\": " + quoted + "}}")));
        };
    }

    private String withField(int i, String field, String value) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("type", "ACCESS", "jurisdiction", "EU",
                "email", "hostile" + i + "@example.org", "fullName", "Hostile Input"));
        body.put(field, value);
        try {
            return json.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(400)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String jsonString(String value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long processCount() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("DsarProcess")
                .count();
    }

    private record Call(String path, String contentType, byte[] body) {
        @Override
        public String toString() {
            return path + " " + contentType + " " + new String(body, 0, Math.min(body.length, 120),
                    StandardCharsets.UTF_8);
        }
    }
}
