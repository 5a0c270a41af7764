package org.harmony.dsar.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.harmony.dsar.mail.EmbeddedSmtpServer.ReceivedMail;

/**
 * Plays the requesters and the compliance officer against whichever engine nodes are up: submits requests,
 * enters the codes that arrive by mail, approves review tasks through the REST API. Calls to a node that is
 * down fail and are tried again on the next round.
 */
final class RequesterDriver {

    private static final Pattern CODE_SUBJECT = Pattern.compile("(DSAR-[0-9A-Z]{5}-[0-9A-Z]{5}): confirm your email");
    private static final Pattern CODE = Pattern.compile("^\\s+(\\d{6})\\s*$", Pattern.MULTILINE);

    private final FaultEnvironment environment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> verifiedReferences = new HashSet<>();
    private final String officer = "Basic " + Base64.getEncoder()
            .encodeToString("officer:officer".getBytes(StandardCharsets.UTF_8));

    RequesterDriver(FaultEnvironment environment) {
        this.environment = environment;
    }

    /** Submits a request; returns its reference. */
    String submit(EngineNode node, String email) throws IOException, InterruptedException {
        String body = """
                {"type": "ACCESS", "jurisdiction": "EU", "email": "%s", "fullName": "Fault Test"}""".formatted(email);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/requests"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("Intake answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body()).path("reference").asText();
    }

    /** One round: enter every new code, approve every open review. Returns how many actions succeeded. */
    int round(List<EngineNode> nodes) {
        return round(nodes, true);
    }

    /** One round: enter every new code and, if asked, approve every open review. */
    int round(List<EngineNode> nodes, boolean approve) {
        int done = 0;
        for (EngineNode node : nodes) {
            if (!node.isAlive()) {
                continue;
            }
            try {
                done += enterCodes(node);
                done += approve ? approveReviews(node) : 0;
            } catch (IOException e) {
                // The node went down mid-round; the next round goes on.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return done;
            }
        }
        return done;
    }

    private int enterCodes(EngineNode node) throws IOException, InterruptedException {
        int entered = 0;
        for (MimeMessage message : environment.smtp.getReceivedMessages()) {
            ReceivedMail mail = ReceivedMail.of(message);
            Matcher subject = CODE_SUBJECT.matcher(mail.subject() == null ? "" : mail.subject());
            if (!subject.find() || verifiedReferences.contains(subject.group(1))) {
                continue;
            }
            Matcher code = CODE.matcher(mail.text());
            if (!code.find()) {
                continue;
            }
            String reference = subject.group(1);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                            node.baseUrl() + "/api/requests/" + reference + "/verification"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\": \"" + code.group(1) + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                verifiedReferences.add(reference);
                entered++;
            }
        }
        return entered;
    }

    private int approveReviews(EngineNode node) throws IOException, InterruptedException {
        HttpResponse<String> tasks = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl()
                        + "/engine-rest/task?taskDefinitionKey=UserTask_ReviewResponse&maxResults=100"))
                .header("Authorization", officer).build(), HttpResponse.BodyHandlers.ofString());
        if (tasks.statusCode() != 200) {
            return 0;
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode task : json.readTree(tasks.body())) {
            ids.add(task.path("id").asText());
        }
        int approved = 0;
        for (String id : ids) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                            node.baseUrl() + "/engine-rest/task/" + id + "/complete"))
                    .header("Authorization", officer)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"variables\": {\"reviewDecision\": {\"value\": \"APPROVE\"}}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 204) {
                approved++;
            }
        }
        return approved;
    }
}
