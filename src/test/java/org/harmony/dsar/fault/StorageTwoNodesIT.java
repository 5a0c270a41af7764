package org.harmony.dsar.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.harmony.dsar.kernel.Sha256;
import org.harmony.dsar.mail.EmbeddedSmtpServer.ReceivedMail;
import org.harmony.dsar.system.S3Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged engines on one PostgreSQL that share no directory: each has an empty directory of its own for files
 * ({@code dsar.storage.directory}; the store is the database). Node A runs every job, node B only answers HTTP. A
 * package built on node A downloads from node B with the requester's link, byte for byte; an agent's authorisation
 * uploaded to node B is in the officer's review on node A.
 */
class StorageTwoNodesIT {

    private static final Pattern CODE = Pattern.compile("^\\s+(\\d{6})\\s*$", Pattern.MULTILINE);
    private static final String OFFICER = "Basic " + Base64.getEncoder()
            .encodeToString("officer:officer".getBytes(StandardCharsets.UTF_8));
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dirs;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldServeOnOneNodeWhatTheOtherStored() throws Exception {
        Path dirA = Files.createDirectories(dirs.resolve("node-a"));
        Path dirB = Files.createDirectories(dirs.resolve("node-b"));
        try (FaultEnvironment environment = new FaultEnvironment();
                EngineNode nodeA = new EngineNode("storage-a", environment, "--dsar.storage.directory=" + dirA);
                EngineNode nodeB = new EngineNode("storage-b", environment, "--dsar.storage.directory=" + dirB,
                        "--camunda.bpm.job-execution.enabled=false")) {
            nodeA.start();
            nodeB.start();

            String reference = packageBuiltOnADownloadsFromB(environment, nodeA, nodeB);
            assertThat(single(environment, "SELECT COUNT(*) FROM request_file f JOIN dsar_request r"
                    + " ON r.id = f.request_id WHERE r.reference = ? AND f.name LIKE 'package-%'", reference))
                    .isEqualTo("1");
            uploadToBIsInTheReviewOnA(environment, nodeA, nodeB);

            assertThat(filesIn(dirA)).as("nothing on node A's disk").isEmpty();
            assertThat(filesIn(dirB)).as("nothing on node B's disk").isEmpty();
        }
    }

    /**
     * The same with request files in an S3-compatible object store (a real S3Proxy in a JVM of its own): the package
     * built on node A is an object in the bucket, node B serves it from there, and neither node's directory nor the
     * database holds a copy.
     */
    @Test
    void shouldServeOnOneNodeWhatTheOtherStoredInTheObjectStore() throws Exception {
        Path dirA = Files.createDirectories(dirs.resolve("node-a"));
        Path dirB = Files.createDirectories(dirs.resolve("node-b"));
        String bucket = "dsar-files";
        try (S3Server s3 = S3Server.start(Files.createDirectories(dirs.resolve("s3")), bucket);
                FaultEnvironment environment = new FaultEnvironment();
                EngineNode nodeA = new EngineNode("storage-s3-a", environment, objectStore(s3, bucket, dirA));
                EngineNode nodeB = new EngineNode("storage-s3-b", environment, objectStore(s3, bucket, dirB,
                        "--camunda.bpm.job-execution.enabled=false"))) {
            nodeA.start();
            nodeB.start();

            String reference = packageBuiltOnADownloadsFromB(environment, nodeA, nodeB);
            String requestId = single(environment, "SELECT id FROM dsar_request WHERE reference = ?", reference);
            assertThat(s3.keys(bucket)).as("the package is an object of the request")
                    .anyMatch(key -> key.startsWith("request-files/" + requestId + "/package-"));
            assertThat(single(environment, "SELECT COUNT(*) FROM request_file WHERE request_id = ?", requestId))
                    .as("no copy in the database").isEqualTo("0");
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                            URI.create(nodeB.managementUrl() + "/actuator/health/objectStore"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "dpo:dpo".getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("\"status\":\"UP\"").contains(bucket);

            assertThat(filesIn(dirA)).as("nothing on node A's disk").isEmpty();
            assertThat(filesIn(dirB)).as("nothing on node B's disk").isEmpty();
        }
    }

    private static String[] objectStore(S3Server s3, String bucket, Path directory, String... more) {
        List<String> arguments = new ArrayList<>(s3.engineArguments(bucket));
        arguments.add("--dsar.storage.directory=" + directory);
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }

    private String packageBuiltOnADownloadsFromB(FaultEnvironment environment, EngineNode nodeA, EngineNode nodeB)
            throws Exception {
        String email = "two.nodes.package@example.org";
        String reference = submit(nodeA, """
                {"type": "ACCESS", "jurisdiction": "EU", "email": "%s", "fullName": "Two Nodes"}""".formatted(email));
        ReceivedMail confirm = awaitMail(environment, email, reference + ": confirm your email");
        assertThat(post(nodeA, "/api/requests/" + reference + "/verification", "application/json",
                ("{\"code\": \"" + code(confirm) + "\"}").getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(200);
        String taskId = awaitTask(nodeA, reference, "UserTask_ReviewResponse");
        assertThat(completeTask(nodeA, taskId, "{\"reviewDecision\": {\"value\": \"APPROVE\"}}")).isEqualTo(204);

        ReceivedMail ready = awaitMail(environment, email, reference + ": your personal data is ready");
        String link = pathOf(linkIn(ready, "/package"));
        // The response mail leaves inside the job's transaction: the release is committed a moment after it.
        HttpResponse<byte[]> fromB = get(nodeB, link, null);
        for (int i = 0; i < 20 && fromB.statusCode() == 404; i++) {
            EngineNode.sleep(500);
            fromB = get(nodeB, link, null);
        }
        assertThat(fromB.statusCode()).as("%s: %s", link, new String(fromB.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        HttpResponse<byte[]> fromA = get(nodeA, link, null);
        assertThat(fromB.body()).isEqualTo(fromA.body());
        assertThat(HexFormat.of().formatHex(Sha256.newDigest().digest(fromB.body())))
                .as("the SHA-256 recorded when node A built it")
                .isEqualTo(single(environment, "SELECT p.sha256 FROM access_package p JOIN dsar_request r"
                        + " ON r.id = p.request_id WHERE r.reference = ?", reference));
        return reference;
    }

    private void uploadToBIsInTheReviewOnA(FaultEnvironment environment, EngineNode nodeA, EngineNode nodeB)
            throws Exception {
        String subject = "marie.dubois@example.fr";
        String agent = "two.nodes.agent@example.org";
        String reference = submit(nodeB, """
                {"type": "ERASURE", "jurisdiction": "US-CA", "email": "%s", "fullName": "Marie Dubois",
                 "agent": {"name": "Sam Agent", "email": "%s", "relationship": "authorised agent"}}"""
                .formatted(subject, agent));
        ReceivedMail confirmation = awaitMail(environment, subject,
                reference + ": did you ask someone to make a request for you?");
        assertThat(post(nodeB, "/api/requests/" + reference + "/verification", "application/json",
                ("{\"code\": \"" + code(confirmation) + "\"}").getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(200);
        ReceivedMail authorisation = awaitMail(environment, agent, reference + ": please send the authorisation");
        String token = linkIn(authorisation, "/information?token=").replaceAll(".*[?&]token=([^&\\s]+).*", "$1");

        HttpResponse<byte[]> uploaded = post(nodeB, "/api/requests/" + reference + "/documents?token=" + token,
                "application/pdf", PDF);
        assertThat(uploaded.statusCode()).isEqualTo(201);
        String documentId = json.readTree(uploaded.body()).path("documentId").asText();

        String taskId = awaitTask(nodeA, reference, "UserTask_ReviewIdentity");
        String formVariables = new String(get(nodeA, "/engine-rest/task/" + taskId + "/form-variables", OFFICER)
                .body(), StandardCharsets.UTF_8);
        String documentPath = "/api/officer/requests/" + reference + "/documents/" + documentId;
        assertThat(formVariables).contains("Documents: 1").contains(documentPath);
        HttpResponse<byte[]> document = get(nodeA, documentPath, OFFICER);
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).isEqualTo(PDF);
    }

    private String submit(EngineNode node, String body) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = post(node, "/api/requests", "application/json",
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(202);
        return json.readTree(response.body()).path("reference").asText();
    }

    private String awaitTask(EngineNode node, String reference, String key) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode tasks = json.readTree(get(node, "/engine-rest/task?taskDefinitionKey=" + key
                    + "&processInstanceBusinessKeyLike=" + reference, OFFICER).body());
            if (tasks.size() == 1) {
                return tasks.get(0).path("id").asText();
            }
            EngineNode.sleep(500);
        }
        throw new AssertionError("No task " + key + " for " + reference);
    }

    private int completeTask(EngineNode node, String taskId, String variables) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/engine-rest/task/" + taskId + "/complete"))
                        .header("Authorization", OFFICER).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"variables\": " + variables + "}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<byte[]> get(EngineNode node, String path, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> post(EngineNode node, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static ReceivedMail awaitMail(FaultEnvironment environment, String to, String subjectPart) {
        Predicate<ReceivedMail> wanted = mail -> mail.to().contains(to) && mail.subject() != null
                && mail.subject().contains(subjectPart);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ReceivedMail> found = Stream.of(environment.smtp.getReceivedMessages())
                    .map((MimeMessage message) -> ReceivedMail.of(message)).filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            EngineNode.sleep(300);
        }
        throw new AssertionError("No mail to " + to + " about " + subjectPart);
    }

    private static String code(ReceivedMail mail) {
        Matcher code = CODE.matcher(mail.text());
        assertThat(code.find()).as("a code in the mail").isTrue();
        return code.group(1);
    }

    private static String linkIn(ReceivedMail mail, String pathPart) {
        Matcher link = Pattern.compile("(http://\\S*" + Pattern.quote(pathPart) + "\\S*)").matcher(mail.text());
        assertThat(link.find()).as("a link containing " + pathPart).isTrue();
        return link.group(1);
    }

    /** The link's path and query: the mail names the public address, the test calls each node directly. */
    private static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String single(FaultEnvironment environment, String sql, String parameter) throws SQLException {
        try (Connection connection = environment.postgres.getPostgresDatabase().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
