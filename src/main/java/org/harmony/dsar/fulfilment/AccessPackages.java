package org.harmony.dsar.fulfilment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.harmony.dsar.intake.DsarRequest;
import org.harmony.dsar.intake.RequestEvents;
import org.harmony.dsar.intake.RequestRepository;
import org.harmony.dsar.intake.RequestType;
import org.harmony.dsar.lookup.LookupResult;
import org.harmony.dsar.lookup.SubjectDataLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The data package a requester downloads: a zip with a readable HTML report (the GDPR Art 15(1) information per
 * source), one JSON and one CSV file per source, and a manifest. Kept in the project's table, not in variables.
 * A portability request gets only the data the subject provided.
 */
@Service
public class AccessPackages {

    private static final Logger log = LoggerFactory.getLogger(AccessPackages.class);

    private final SubjectDataLookup lookup;
    private final RequestRepository requests;
    private final RequestEvents events;
    private final JdbcClient jdbc;
    private final ITemplateEngine templates;
    private final ObjectMapper json;
    private final FulfilmentProperties properties;
    private final Clock clock;

    AccessPackages(SubjectDataLookup lookup, RequestRepository requests, RequestEvents events, JdbcClient jdbc,
            ITemplateEngine templates, ObjectMapper json, FulfilmentProperties properties, Clock clock) {
        this.lookup = lookup;
        this.requests = requests;
        this.events = events;
        this.jdbc = jdbc;
        this.templates = templates;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** Builds the package from the last lookup and returns a summary for the reviewer. */
    @Transactional
    public String build(String requestId) {
        DsarRequest request = requests.get(requestId);
        List<LookupResult> results = lookup.results(requestId).stream()
                .filter(r -> request.type() != RequestType.PORTABILITY || r.source().providedBySubject())
                .toList();
        Instant now = clock.instant();
        byte[] zip = zip(request, results, now);
        String sha256 = sha256(zip);
        Instant expiresAt = now.plus(properties.packageTtl());
        jdbc.sql("""
                INSERT INTO access_package (id, request_id, created_at, expires_at, size_bytes, sha256, content)
                VALUES (:id, :requestId, :createdAt, :expiresAt, :size, :sha256, :content)
                """)
                .param("id", UUID.randomUUID().toString())
                .param("requestId", requestId)
                .param("createdAt", Timestamp.from(now))
                .param("expiresAt", Timestamp.from(expiresAt))
                .param("size", (long) zip.length)
                .param("sha256", sha256)
                .param("content", zip)
                .update();
        int records = results.stream().mapToInt(r -> r.records().size()).sum();
        events.record(requestId, "PACKAGE_BUILT", "sources=" + results.size() + " records=" + records
                + " bytes=" + zip.length + " sha256=" + sha256);
        log.info("Request {}: package of {} bytes built from {} sources", request.reference(), zip.length,
                results.size());
        return "%d records from %d sources; zip of %,d bytes; SHA-256 %s; downloadable until %s".formatted(
                records, results.size(), zip.length, sha256, expiresAt);
    }

    /** The newest package of the request, if one was built. */
    public Optional<Package> latest(String requestId) {
        return jdbc.sql("""
                SELECT id, created_at, expires_at, size_bytes, sha256 FROM access_package
                WHERE request_id = :requestId ORDER BY created_at DESC
                """)
                .param("requestId", requestId)
                .query((rs, row) -> new Package(rs.getString("id"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(), rs.getLong("size_bytes"), rs.getString("sha256")))
                .stream().findFirst();
    }

    /**
     * Deletes every package whose download period has ended, and records the deletion in each request's audit
     * trail. Returns how many were deleted.
     */
    @Transactional
    public int deleteExpired(Instant now) {
        List<String[]> expired = jdbc.sql("SELECT id, request_id FROM access_package WHERE expires_at < :now")
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new String[] {rs.getString("id"), rs.getString("request_id")})
                .list();
        for (String[] item : expired) {
            jdbc.sql("DELETE FROM access_package WHERE id = :id").param("id", item[0]).update();
            events.record(item[1], "PACKAGE_DELETED", "package=" + item[0] + " reason=download period ended");
        }
        if (!expired.isEmpty()) {
            log.info("Deleted {} expired data package(s)", expired.size());
        }
        return expired.size();
    }

    public byte[] content(String packageId) {
        return jdbc.sql("SELECT content FROM access_package WHERE id = :id").param("id", packageId)
                .query((rs, row) -> rs.getBytes("content")).single();
    }

    public record Package(String id, Instant createdAt, Instant expiresAt, long sizeBytes, String sha256) {
        public boolean isExpired(Instant now) {
            return expiresAt.isBefore(now);
        }
    }

    private byte[] zip(DsarRequest request, List<LookupResult> results, Instant now) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            entry(zip, "report.html", report(request, results, now));
            List<Map<String, Object>> manifest = new ArrayList<>();
            for (LookupResult result : results) {
                String name = result.source().name();
                entry(zip, "data/" + name + ".json", write(result.records()));
                entry(zip, "data/" + name + ".csv", Csv.of(result.records()));
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("source", name);
                item.put("title", result.source().title());
                item.put("records", result.records().size());
                item.put("files", List.of("data/" + name + ".json", "data/" + name + ".csv"));
                manifest.add(item);
            }
            Map<String, Object> head = new LinkedHashMap<>();
            head.put("reference", request.reference());
            head.put("requestType", request.type().name());
            head.put("generatedAt", now.toString());
            head.put("controller", properties.companyName());
            head.put("sources", manifest);
            entry(zip, "manifest.json", write(head));
        } catch (IOException e) {
            throw new IllegalStateException("Package could not be written", e);
        }
        return bytes.toByteArray();
    }

    private String report(DsarRequest request, List<LookupResult> results, Instant now) {
        Context context = new Context(request.language());
        context.setVariable("reference", request.reference());
        context.setVariable("fullName", request.fullName());
        context.setVariable("requestType", request.type().description());
        context.setVariable("law", request.jurisdiction().law());
        context.setVariable("generatedAt", now.atZone(request.jurisdiction().zone()).toLocalDate());
        context.setVariable("company", properties.companyName());
        context.setVariable("contact", properties.contact());
        context.setVariable("results", results.stream().map(r -> new ReportSource(r, columns(r))).toList());
        return templates.process("access-report", context);
    }

    /** One source in the report, with the union of its records' columns. */
    public record ReportSource(LookupResult result, List<String> columns) {
    }

    private static List<String> columns(LookupResult result) {
        Set<String> columns = new LinkedHashSet<>();
        result.records().forEach(record -> columns.addAll(record.keySet()));
        return List.copyOf(columns);
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private String write(Object value) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Package data could not be written as JSON", e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
