package org.harmony.dsar.fulfilment;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
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

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.harmony.dsar.kernel.RequestFiles;
import org.harmony.dsar.kernel.Sha256;
import org.harmony.dsar.lookup.LookupResult;
import org.harmony.dsar.lookup.SubjectDataLookup;
import org.harmony.dsar.request.AccessScope;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.request.RequestType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The data package a requester downloads: a zip with a readable HTML report (the GDPR Art 15(1) information and
 * the CCPA categories per source), one JSON and one CSV file per source, and a manifest. Written as a stream to a
 * request file ({@link RequestFiles}, which every node reads), record by record from the lookup files, so that memory stays bounded whatever the number of records; the
 * report shows the first records of each source and points to the data files for all. A portability request gets
 * only the data the subject provided.
 */
@Service
public class AccessPackages {

    private static final Logger log = LoggerFactory.getLogger(AccessPackages.class);
    private static final String PREFIX = "package-";

    private final SubjectDataLookup lookup;
    private final RequestRepository requests;
    private final RequestEvents events;
    private final JdbcClient jdbc;
    private final ITemplateEngine templates;
    private final ObjectMapper json;
    private final FulfilmentProperties properties;
    private final RequestFiles files;
    private final Clock clock;

    AccessPackages(SubjectDataLookup lookup, RequestRepository requests, RequestEvents events, JdbcClient jdbc,
            ITemplateEngine templates, ObjectMapper json, FulfilmentProperties properties, RequestFiles files,
            Clock clock) {
        this.files = files;
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
        boolean categoriesOnly = request.accessScope() == AccessScope.CATEGORIES;
        Instant now = clock.instant();
        String packageId = UUID.randomUUID().toString();
        String file = PREFIX + packageId + ".zip";
        Written written = write(file, request, results, categoriesOnly, now);
        discardUnreleased(requestId, "superseded");
        jdbc.sql("""
                INSERT INTO access_package (id, request_id, created_at, size_bytes, sha256, file_path)
                VALUES (:id, :requestId, :createdAt, :size, :sha256, :file)
                """)
                .param("id", packageId)
                .param("requestId", requestId)
                .param("createdAt", Timestamp.from(now))
                .param("size", written.size())
                .param("sha256", written.sha256())
                .param("file", file)
                .update();
        long records = results.stream().mapToLong(LookupResult::recordCount).sum();
        events.record(requestId, "PACKAGE_BUILT", "sources=" + results.size() + " records=" + records
                + " scope=" + (categoriesOnly ? AccessScope.CATEGORIES : AccessScope.FULL)
                + " bytes=" + written.size() + " sha256=" + written.sha256());
        log.info("Request {}: package of {} bytes built from {} sources", request.reference(), written.size(),
                results.size());
        return ("%s%d records from %d sources; zip of %,d bytes; SHA-256 %s; released only with the approved response"
                + " mail, then downloadable for %d days").formatted(
                categoriesOnly ? "CATEGORIES ONLY (identity not verified for specific pieces): no records disclosed; "
                        : "",
                records, results.size(), written.size(), written.sha256(), properties.packageTtl().toDays());
    }

    /** The newest package of the request, if one was built (released or not, deleted or not). */
    public Optional<Package> latest(String requestId) {
        return jdbc.sql("""
                SELECT id, created_at, released_at, expires_at, deleted_at, size_bytes, sha256 FROM access_package
                WHERE request_id = :requestId ORDER BY created_at DESC
                """)
                .param("requestId", requestId)
                .query((rs, row) -> new Package(rs.getString("id"), rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("released_at")), instant(rs.getTimestamp("expires_at")),
                        instant(rs.getTimestamp("deleted_at")), rs.getLong("size_bytes"), rs.getString("sha256")))
                .list().stream().findFirst();
    }

    /**
     * Releases the request's package with the approved response: its download period starts now, so a long review
     * never mails a link that no longer works. Idempotent: a repeated response job keeps the first release.
     *
     * @return the released package, if the request has one
     */
    @Transactional
    public Optional<Package> release(String requestId) {
        Instant now = clock.instant();
        int released = jdbc.sql("""
                UPDATE access_package SET released_at = :now, expires_at = :expiresAt
                WHERE request_id = :requestId AND released_at IS NULL AND deleted_at IS NULL
                """)
                .param("now", Timestamp.from(now))
                .param("expiresAt", Timestamp.from(now.plus(properties.packageTtl())))
                .param("requestId", requestId)
                .update();
        if (released > 0) {
            events.record(requestId, "PACKAGE_RELEASED", "downloadableFor=" + properties.packageTtl());
        }
        return latest(requestId).filter(latest -> latest.isDownloadable(now));
    }

    /**
     * Deletes the packages of the request that were never released (a denial, a send-back, a new build): the file
     * with the transaction, the row marked deleted. Nothing unapproved stays behind.
     */
    @Transactional
    public int discardUnreleased(String requestId, String why) {
        Instant now = clock.instant();
        List<String> unreleased = jdbc.sql("""
                SELECT file_path FROM access_package
                WHERE request_id = :requestId AND released_at IS NULL AND deleted_at IS NULL
                """)
                .param("requestId", requestId).query(String.class).list();
        if (unreleased.isEmpty()) {
            return 0;
        }
        jdbc.sql("""
                UPDATE access_package SET deleted_at = :now, content = NULL
                WHERE request_id = :requestId AND released_at IS NULL AND deleted_at IS NULL
                """)
                .param("now", Timestamp.from(now)).param("requestId", requestId).update();
        unreleased.forEach(file -> files.delete(requestId, file));
        events.record(requestId, "PACKAGE_DISCARDED", "reason=" + why + " packages=" + unreleased.size());
        return unreleased.size();
    }

    /** Package files that a row still needs: released and not yet expired, or awaiting review. */
    private Set<String> filesInUse() {
        return Set.copyOf(jdbc.sql("""
                SELECT p.file_path FROM access_package p JOIN dsar_request r ON r.id = p.request_id
                WHERE p.deleted_at IS NULL AND (p.released_at IS NOT NULL OR r.ended_at IS NULL)
                """).query(String.class).list());
    }

    /**
     * Deletes every stored package file that no package in use points to (left by a crash); returns how many. A
     * package written in the last hour (its row perhaps not yet committed) is left alone.
     */
    public int deleteOrphanFiles() {
        Set<String> inUse = filesInUse();
        Instant recent = clock.instant().minusSeconds(3600);
        int deleted = 0;
        for (RequestFiles.StoredFile file : files.list(PREFIX)) {
            if (!inUse.contains(file.name()) && file.createdAt().isBefore(recent)) {
                files.delete(file.requestId(), file.name());
                deleted++;
            }
        }
        return deleted;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The package's content as a stream; the caller closes it. */
    public InputStream open(String packageId) {
        Map.Entry<String, String> file = jdbc.sql("""
                SELECT request_id, file_path FROM access_package WHERE id = :id AND deleted_at IS NULL
                """)
                .param("id", packageId).query((rs, row) -> Map.entry(rs.getString("request_id"),
                        rs.getString("file_path"))).optional()
                .orElseThrow(() -> new IllegalStateException("Package " + packageId + " is not available"));
        return files.open(file.getKey(), file.getValue());
    }

    /** Deletes the files of packages past their download window, and the lookup records behind them. */
    @Transactional
    public int deleteExpired() {
        Instant now = clock.instant();
        List<Stored> expired = jdbc.sql("""
                SELECT id, request_id, file_path FROM access_package WHERE expires_at < :now AND deleted_at IS NULL
                """)
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new Stored(rs.getString("id"), rs.getString("request_id"),
                        rs.getString("file_path")))
                .list();
        for (Stored item : expired) {
            files.delete(item.requestId(), item.file());
            jdbc.sql("UPDATE access_package SET deleted_at = :now, content = NULL WHERE id = :id")
                    .param("now", Timestamp.from(now)).param("id", item.id()).update();
            lookup.deleteRecords(item.requestId());
            events.record(item.requestId(), "PACKAGE_DELETED", "package=" + item.id());
        }
        return expired.size();
    }

    /**
     * A built package. {@code releasedAt} and {@code expiresAt} are null until the approved response released it;
     * {@code deletedAt} is set once its file is gone (discarded or expired).
     */
    public record Package(String id, Instant createdAt, Instant releasedAt, Instant expiresAt, Instant deletedAt,
            long sizeBytes, String sha256) {

        public boolean isReleased() {
            return releasedAt != null;
        }

        public boolean isExpired(Instant now) {
            return deletedAt != null || (expiresAt != null && expiresAt.isBefore(now));
        }

        /** Whether the requester may download it now: approved, sent and within its download period. */
        public boolean isDownloadable(Instant now) {
            return isReleased() && !isExpired(now);
        }
    }

    private record Written(long size, String sha256) {
    }

    private record Stored(String id, String requestId, String file) {
    }

    private Written write(String file, DsarRequest request, List<LookupResult> results, boolean categoriesOnly,
            Instant now) {
        MessageDigest sha256 = Sha256.newDigest();
        long size = files.write(request.id(), file, stored -> {
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(new KeepOpen(stored)), sha256);
                    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                zip.putNextEntry(new ZipEntry("report.html"));
                Writer report = new OutputStreamWriter(new KeepOpen(zip), StandardCharsets.UTF_8);
                templates.process("access-report", reportContext(request, results, categoriesOnly, now), report);
                report.flush();
                zip.closeEntry();
                List<Map<String, Object>> manifest = new ArrayList<>();
                for (LookupResult result : results) {
                    String name = result.source().name();
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("source", name);
                    item.put("title", result.source().title());
                    item.put("categories", result.source().categories());
                    if (!categoriesOnly) {
                        zip.putNextEntry(new ZipEntry("data/" + name + ".json"));
                        writeJson(result, zip);
                        zip.closeEntry();
                        zip.putNextEntry(new ZipEntry("data/" + name + ".csv"));
                        writeCsv(result, zip);
                        zip.closeEntry();
                        item.put("records", result.recordCount());
                        item.put("files", List.of("data/" + name + ".json", "data/" + name + ".csv"));
                    }
                    manifest.add(item);
                }
                Map<String, Object> head = new LinkedHashMap<>();
                head.put("reference", request.reference());
                head.put("requestType", request.type().name());
                head.put("scope", (categoriesOnly ? AccessScope.CATEGORIES : AccessScope.FULL).name());
                head.put("generatedAt", now.toString());
                head.put("controller", properties.companyName());
                head.put("sources", manifest);
                zip.putNextEntry(new ZipEntry("manifest.json"));
                json.writerWithDefaultPrettyPrinter().writeValue(new KeepOpen(zip), head);
                zip.closeEntry();
            }
        });
        return new Written(size, HexFormat.of().formatHex(sha256.digest()));
    }

    private void writeJson(LookupResult result, OutputStream zip) throws IOException {
        try (JsonGenerator generator = json.getFactory().createGenerator(new KeepOpen(zip))) {
            generator.useDefaultPrettyPrinter();
            generator.writeStartArray();
            lookup.forEachRecord(result, record -> {
                try {
                    json.writeValue(generator, record);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            generator.writeEndArray();
        }
    }

    private void writeCsv(LookupResult result, OutputStream zip) throws IOException {
        Set<String> columns = new LinkedHashSet<>();
        lookup.forEachRecord(result, record -> columns.addAll(record.keySet()));
        Writer csv = new OutputStreamWriter(new KeepOpen(zip), StandardCharsets.UTF_8);
        csv.write(Csv.header(columns));
        lookup.forEachRecord(result, record -> {
            try {
                csv.write(Csv.row(columns, record));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }

    private Context reportContext(DsarRequest request, List<LookupResult> results, boolean categoriesOnly,
            Instant now) {
        Context context = new Context(request.language());
        context.setVariable("reference", request.reference());
        context.setVariable("fullName", request.fullName());
        context.setVariable("requestType", request.type().description());
        context.setVariable("law", request.jurisdiction().law());
        context.setVariable("generatedAt", now.atZone(request.jurisdiction().zone()).toLocalDate());
        context.setVariable("company", properties.companyName());
        context.setVariable("contact", properties.contact());
        context.setVariable("categoriesOnly", categoriesOnly);
        context.setVariable("results", results.stream()
                .filter(result -> !categoriesOnly || result.recordCount() > 0)
                .map(result -> categoriesOnly ? new ReportSource(result, List.of(), List.of()) : reportSource(result))
                .toList());
        return context;
    }

    private ReportSource reportSource(LookupResult result) {
        List<Map<String, Object>> shown = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        int limit = properties.reportRecordLimit();
        lookup.forEachRecord(result, record -> {
            if (shown.size() < limit) {
                shown.add(record);
                columns.addAll(record.keySet());
            }
        });
        return new ReportSource(result, List.copyOf(columns), shown);
    }

    /**
     * One source in the report: its first records (at most the configured limit) with their columns; the report
     * says when there are more, which are all in the data files.
     */
    public record ReportSource(LookupResult result, List<String> columns, List<Map<String, Object>> records) {
        public boolean truncated() {
            return result.recordCount() > records.size();
        }
    }

    /** Lets a writer be closed or flushed without closing the zip around it. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
