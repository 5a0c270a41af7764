package org.harmony.dsar.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMTP server is unreachable for a minute while requests run: mail jobs retry, run out of retries and become
 * incidents; once SMTP is back an operator retries the incidents through the REST API, and every mail arrives,
 * once.
 */
class SmtpOutageIT {

    private static final Logger log = LoggerFactory.getLogger(SmtpOutageIT.class);
    private static final int REQUESTS = 100;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String admin = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));

    @Test
    void shouldDeliverEveryMailOnceAfterAnOutageThatCausedIncidents() throws Exception {
        try (FaultEnvironment environment = new FaultEnvironment()) {
            SwitchableProxy smtp = new SwitchableProxy(environment.smtp.getSmtp().getPort());
            environment.routeMailThrough(smtp.port());
            // 4 attempts 3 s apart: a one-minute outage exhausts them, so the failures become incidents.
            environment.retryFailedJobs("R3/PT3S");
            try (EngineNode node = new EngineNode("smtp-outage-node", environment)) {
                node.start();
                RequesterDriver driver = new RequesterDriver(environment);
                for (int i = 0; i < REQUESTS / 2; i++) {
                    driver.submit(node, "outage." + i + "@example.org");
                }
                FaultAssertions.driveIntoFlight(environment, driver, List.of(node), 10, Duration.ofMinutes(2));

                smtp.down();
                for (int i = REQUESTS / 2; i < REQUESTS; i++) {
                    driver.submit(node, "outage." + i + "@example.org");
                }
                long outageEnds = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                while (System.nanoTime() < outageEnds) {
                    driver.round(List.of(node));
                    EngineNode.sleep(1000);
                }
                long incidents = environment.count("SELECT COUNT(*) FROM act_ru_incident");
                log.info("After one minute without SMTP: {} incidents", incidents);
                assertThat(incidents).as("mail jobs out of retries became incidents").isPositive();

                smtp.up();
                int retried = retryIncidents(node);
                log.info("Operator retried {} failed jobs", retried);
                assertThat(retried).isEqualTo((int) incidents);

                FaultAssertions.driveUntilCompleted(environment, driver, List.of(node), REQUESTS, Duration.ofMinutes(4));
                FaultAssertions.assertNothingLostNothingStuck(environment, REQUESTS, 0);
            } finally {
                smtp.close();
            }
        }
    }

    /** What an operator does in Cockpit: give every job that ran out of retries new ones. */
    private int retryIncidents(EngineNode node) throws IOException, InterruptedException {
        HttpResponse<String> jobs = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl()
                + "/engine-rest/job?noRetriesLeft=true&withException=true")).header("Authorization", admin).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(jobs.statusCode()).isEqualTo(200);
        int retried = 0;
        for (JsonNode job : json.readTree(jobs.body())) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl()
                            + "/engine-rest/job/" + job.path("id").asText() + "/retries"))
                    .header("Authorization", admin).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"retries\": 3}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(204);
            retried++;
        }
        return retried;
    }
}
