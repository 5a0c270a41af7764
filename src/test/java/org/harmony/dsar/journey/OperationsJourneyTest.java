package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;

import org.harmony.dsar.operations.OperationalGauges;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Health and metrics on the management port: probes and the bare status for anyone, details and metrics for staff
 * only, nothing personal in any answer; the request counters and gauges move as requests arrive and complete.
 */
class OperationsJourneyTest extends JourneyTestSupport {

    @LocalManagementPort
    private int managementPort;
    @LocalServerPort
    private int serverPort;
    @Autowired
    private OperationalGauges gauges;

    @Test
    void shouldAnswerProbesAndTheBareStatusToAnyoneAndDetailsToStaffOnly() {
        assertThat(managementPort).isNotEqualTo(serverPort);
        ResponseEntity<Map> liveness = management("/actuator/health/liveness", null);
        assertThat(liveness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(liveness.getBody()).containsExactly(Map.entry("status", "UP"));
        ResponseEntity<Map> readiness = management("/actuator/health/readiness", null);
        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.getBody()).containsOnlyKeys("status").containsEntry("status", "UP");

        ResponseEntity<Map> anonymous = management("/actuator/health", null);
        assertThat(anonymous.getBody()).as("no components, no details for an anonymous caller")
                .containsKey("status").doesNotContainKeys("components", "details");

        ResponseEntity<String> staff = http.withBasicAuth("dpo", "dpo")
                .getForEntity(managementUrl("/actuator/health"), String.class);
        assertThat(staff.getBody()).contains("\"processEngine\"", "\"jobs\"", "\"dueJobs\"", "\"db\"", "\"mail\"",
                "\"catalogue\"", "\"customer-accounts\"", "\"call-recordings\"", "\"readinessState\"");
        ResponseEntity<Map> details = http.withBasicAuth("dpo", "dpo")
                .getForEntity(managementUrl("/actuator/health"), Map.class);
        Map<String, Map<String, Object>> components = (Map) details.getBody().get("components");
        assertThat(components.get("db")).containsEntry("status", "UP");
        assertThat(components.get("mail")).containsEntry("status", "UP");
        assertThat(components.get("processEngine")).containsEntry("status", "UP");
        assertThat(components.get("catalogue")).containsEntry("status", "UP");
        assertThat(components.get("jobs")).as("switched off in the tests, and the health says so")
                .containsEntry("status", "UNKNOWN");
        assertThat(staff.getBody()).as("nothing personal, no credentials")
                .doesNotContain("@example", "password", "jdbc:");

        assertThat(management("/actuator/health", "intruder").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode())
                .as("not on the API's port").isNotEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldShowMetricsToTheScraperAndStaffOnly() {
        assertThat(http.getForEntity(managementUrl("/actuator/prometheus"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("officer", "officer").getForEntity(managementUrl("/actuator/prometheus"),
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity(managementUrl("/actuator/metrics"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> scrape = http.withBasicAuth("prometheus", "prometheus")
                .getForEntity(managementUrl("/actuator/prometheus"), String.class);
        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scrape.getBody()).contains("dsar_incidents_open", "jvm_memory_used_bytes");
    }

    @Test
    void shouldCountARequestWhenReceivedAndWhenCompleted() {
        String[] tags = {"type=\"OPT_OUT_OF_SALE\"", "jurisdiction=\"US-CA\"", "channel=\"API\""};
        gauges.refresh();
        String before = scrape();

        // CCPA: an opt-out of sale needs no verification; an officer approves the response.
        String email = uniqueEmail("metrics");
        ResponseEntity<Map> accepted = submit("""
                {"type": "OPT_OUT_OF_SALE", "jurisdiction": "US-CA", "email": "%s", "fullName": "Mia Metrics"}
                """.formatted(email));
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String reference = (String) accepted.getBody().get("reference");
        runDueJobs();
        gauges.refresh();
        String received = scrape();
        assertThat(value(received, "dsar_requests_received_total", tags))
                .isEqualTo(value(before, "dsar_requests_received_total", tags) + 1);
        assertThat(value(received, "dsar_requests_open", tags))
                .isEqualTo(value(before, "dsar_requests_open", tags) + 1);
        assertThat(value(received, "dsar_requests_due_soon", "jurisdiction=\"US-CA\""))
                .as("due in 45 days, not within 7").isEqualTo(value(before, "dsar_requests_due_soon",
                        "jurisdiction=\"US-CA\""));

        assertThat(completeAs("officer2", officerTaskId(reference, "UserTask_ReviewResponse"),
                "{\"reviewDecision\": {\"value\": \"APPROVE\"}}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        awaitMail(email, reference + ": your request is complete");
        gauges.refresh();
        String completed = scrape();
        assertThat(value(completed, "dsar_requests_completed_total", tags))
                .isEqualTo(value(before, "dsar_requests_completed_total", tags) + 1);
        assertThat(value(completed, "dsar_requests_open", tags)).isEqualTo(value(before, "dsar_requests_open", tags));
        String durationTags = "outcome=\"completed\"";
        assertThat(value(completed, "dsar_request_duration_seconds_count", "type=\"OPT_OUT_OF_SALE\"",
                "jurisdiction=\"US-CA\"", durationTags))
                .isEqualTo(value(before, "dsar_request_duration_seconds_count", "type=\"OPT_OUT_OF_SALE\"",
                        "jurisdiction=\"US-CA\"", durationTags) + 1);
        assertThat(completed).contains("dsar_request_duration_seconds_bucket{");
        assertThat(completed).as("nothing personal in the metrics, no ids in paths").doesNotContain(email, reference)
                .contains("uri=\"/engine-rest/task/{id}/complete\"");
    }

    private String scrape() {
        ResponseEntity<String> scrape = http.withBasicAuth("prometheus", "prometheus")
                .getForEntity(managementUrl("/actuator/prometheus"), String.class);
        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        return scrape.getBody();
    }

    /** The value of the series of this name with all these labels, 0 when there is none yet. */
    private static double value(String scrape, String name, String... labels) {
        return Arrays.stream(scrape.split("\n"))
                .filter(line -> line.startsWith(name + "{"))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private ResponseEntity<Map> management(String path, String user) {
        return (user == null ? http : http.withBasicAuth(user, "wrong"))
                .getForEntity(managementUrl(path), Map.class);
    }

    private String managementUrl(String path) {
        return "http://127.0.0.1:" + managementPort + path;
    }
}
