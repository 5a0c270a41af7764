package org.harmony.dsar.processor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's call recording provider: a third-party processor (privacy policy: calls kept 3 months with a third
 * party provider) that the engine reaches only over HTTP. It keeps its recordings in the demo database (table
 * {@code sor.call_recording}, standing in for the provider's own storage) and answers:
 * <ul>
 * <li>{@code GET /recordings?email=&phone=&recordedBefore=&page=}: one page of recordings and the next page's link</li>
 * <li>{@code DELETE /recordings/{id}}: 204, or 404 when there is no such recording</li>
 * <li>{@code PATCH /recordings/{id}} with {@code {"caller_phone": "..."}}: the caller's number corrected; 204, 404
 * when there is no such recording, 400 for any other field</li>
 * <li>{@code POST /recordings/suppressions?email=&phone=} with {@code {"training_use": false}}: the caller's
 * recordings are no longer used for staff training; answers how many were {@code updated}</li>
 * </ul>
 * Every request must carry {@code Authorization: Bearer <token>}. Its port (0: any free one) is published as
 * {@code local.call-recording-processor.port}, as the web server's is.
 */
@Component
@ConditionalOnProperty(name = "dsar.demo.call-recording-processor.enabled", havingValue = "true")
public class CallRecordingProcessor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CallRecordingProcessor.class);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final String token;
    private final int pageSize;
    private final HttpServer server;
    private final ExecutorService executor;

    CallRecordingProcessor(JdbcClient jdbc, ObjectMapper json, ConfigurableEnvironment environment,
            @Value("${dsar.demo.call-recording-processor.port:0}") int port,
            @Value("${dsar.demo.call-recording-processor.token}") String token,
            @Value("${dsar.demo.call-recording-processor.page-size:50}") int pageSize) throws IOException {
        this.jdbc = jdbc;
        this.json = json;
        this.token = token;
        this.pageSize = pageSize;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/recordings", this::handle);
        executor = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "call-recording-processor");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        environment.getPropertySources().addFirst(new MapPropertySource("callRecordingProcessor",
                Map.of("local.call-recording-processor.port", port())));
        log.info("Demo call recording provider listening on 127.0.0.1:{}", port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(exchange.getRequestMethod()) && path.equals("/recordings")) {
                list(exchange);
            } else if ("POST".equals(exchange.getRequestMethod()) && path.equals("/recordings/suppressions")) {
                suppress(exchange);
            } else if ("DELETE".equals(exchange.getRequestMethod()) && path.matches("/recordings/\\d+")) {
                int deleted = jdbc.sql("DELETE FROM sor.call_recording WHERE id = :id")
                        .param("id", Long.parseLong(path.substring("/recordings/".length()))).update();
                exchange.sendResponseHeaders(deleted == 1 ? 204 : 404, -1);
            } else if ("PATCH".equals(exchange.getRequestMethod()) && path.matches("/recordings/\\d+")) {
                correct(exchange, Long.parseLong(path.substring("/recordings/".length())));
            } else {
                exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    private void list(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        int page = Integer.parseInt(query.getOrDefault("page", "0"));
        String email = query.get("email");
        String phone = query.get("phone");
        String before = query.get("recordedBefore");
        String subject = email == null && phone == null ? "TRUE"
                : "(LOWER(caller_email) = LOWER(:email) OR caller_phone = :phone)";
        List<Map<String, Object>> recordings = jdbc.sql("""
                SELECT id, caller_phone, caller_email, agent_name, duration_sec, recording_ref, recorded_at,
                    training_use
                FROM sor.call_recording WHERE %s AND recorded_at < :before
                ORDER BY id LIMIT :limit OFFSET :offset
                """.formatted(subject))
                .param("email", email == null ? "" : email)
                .param("phone", phone == null ? "" : phone)
                .param("before", Timestamp.from(before == null ? Instant.parse("9999-12-31T00:00:00Z") : Instant.parse(before)))
                .param("limit", pageSize + 1)
                .param("offset", page * pageSize)
                .query().listOfRows().stream().map(CallRecordingProcessor::recording).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recordings", recordings.size() > pageSize ? recordings.subList(0, pageSize) : recordings);
        body.put("next", recordings.size() > pageSize ? "/recordings?" + nextPage(exchange.getRequestURI().getRawQuery(), page + 1) : null);
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void suppress(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        JsonNode body = json.readTree(exchange.getRequestBody().readNBytes(10_000));
        if (query.isEmpty() || body == null || !body.path("training_use").isBoolean() || body.size() != 1) {
            exchange.sendResponseHeaders(400, -1);
            return;
        }
        int updated = jdbc.sql("""
                UPDATE sor.call_recording SET training_use = :use
                WHERE LOWER(caller_email) = LOWER(:email) OR caller_phone = :phone
                """)
                .param("use", body.path("training_use").asBoolean())
                .param("email", query.getOrDefault("email", ""))
                .param("phone", query.getOrDefault("phone", ""))
                .update();
        byte[] bytes = json.writeValueAsBytes(Map.of("updated", updated));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void correct(HttpExchange exchange, long id) throws IOException {
        JsonNode body = json.readTree(exchange.getRequestBody().readNBytes(10_000));
        if (body == null || body.size() != 1 || !body.path("caller_phone").isTextual()) {
            exchange.sendResponseHeaders(400, -1);
            return;
        }
        int updated = jdbc.sql("UPDATE sor.call_recording SET caller_phone = :phone WHERE id = :id")
                .param("phone", body.path("caller_phone").asText()).param("id", id).update();
        exchange.sendResponseHeaders(updated == 1 ? 204 : 404, -1);
    }

    private static Map<String, Object> recording(Map<String, Object> row) {
        Map<String, Object> recording = new LinkedHashMap<>();
        row.forEach((column, value) -> recording.put(column.toLowerCase(),
                value instanceof Timestamp timestamp ? timestamp.toInstant().toString()
                        : value instanceof java.time.OffsetDateTime time ? time.toInstant().toString() : value));
        return recording;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (!value.isBlank()) {
                    query.put(name, value);
                }
            }
        }
        return query;
    }

    private static String nextPage(String raw, int page) {
        String others = raw == null ? "" : raw.replaceAll("(^|&)page=[^&]*", "");
        return (others.isEmpty() ? "" : others.replaceFirst("^&", "") + "&") + "page=" + page;
    }

    @Override
    public void destroy() {
        server.stop(0);
        executor.shutdownNow();
    }
}
