package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.harmony.dsar.fulfilment.AccessPackage;
import org.harmony.dsar.fulfilment.AccessPackages;
import org.harmony.dsar.fulfilment.PackageCleanup;
import org.harmony.dsar.kernel.RequestFiles;
import org.harmony.dsar.lookup.LookupResult;
import org.harmony.dsar.lookup.SubjectDataLookup;
import org.harmony.dsar.lookup.VerifiedIdentifiers;
import org.harmony.dsar.request.RequestRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A subject with 100,000 records: the lookup streams them to a request file and the package streams them into the
 * zip, both stored in the database in rows of {@code dsar.storage.chunk-size}; the report shows the first records and
 * points to the data files for all of them. After the download window the files are deleted.
 */
class LargeSubjectPackageTest extends JourneyTestSupport {

    private static final int RECORDS = 100_000;

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private SubjectDataLookup lookup;
    @Autowired
    private AccessPackages packages;
    @Autowired
    private PackageCleanup packageCleanup;
    @Autowired
    private RequestRepository requests;
    @Autowired
    private VerifiedIdentifiers identifiers;
    @Autowired
    private RequestFiles files;

    private final String subject = uniqueEmail("prolific.writer");

    @AfterEach
    void removeRows() {
        jdbc.sql("DELETE FROM sor.web_enquiry WHERE email = :email").param("email", subject).update();
    }

    @Test
    void shouldStreamAHundredThousandRecordsIntoThePackage() throws IOException {
        jdbc.sql("""
                INSERT INTO sor.web_enquiry (id, email, full_name, company, phone, message, submitted_at)
                SELECT 1000000 + n, :email, 'Prolific Writer', NULL, NULL, 'Enquiry number ' || n,
                       TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + n * INTERVAL '1 minute'
                FROM generate_series(1, :records) AS n
                """).param("email", subject).param("records", RECORDS).update();
        ResponseEntity<Map> accepted = submit("""
                {"type": "ACCESS", "jurisdiction": "EU", "email": "%s", "fullName": "Prolific Writer"}
                """.formatted(subject));
        String requestId = requests.findByReference((String) accepted.getBody().get("reference")).orElseThrow().id();
        // As the identity verification would: the email confirmed, nothing else tied to it.
        identifiers.record(requestId, List.of(new VerifiedIdentifiers.Identifier(VerifiedIdentifiers.EMAIL, subject,
                VerifiedIdentifiers.Basis.EMAIL_CONFIRMED, null)));

        LookupResult result = lookup.lookUp(requestId, "web-enquiries");
        assertThat(result.recordCount()).isEqualTo(RECORDS);
        packages.build(requestId);

        AccessPackage built = packages.latest(requestId).orElseThrow();
        long csvLines = 0;
        long jsonRecords = 0;
        String report = null;
        try (InputStream in = packages.open(built.id()); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("data/web-enquiries.csv")) {
                    csvLines = new String(zip.readAllBytes(), StandardCharsets.UTF_8).lines().count();
                } else if (entry.getName().equals("data/web-enquiries.json")) {
                    jsonRecords = new String(zip.readAllBytes(), StandardCharsets.UTF_8).lines()
                            .filter(line -> line.contains("\"message\"")).count();
                } else if (entry.getName().equals("report.html")) {
                    report = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(csvLines).isEqualTo(RECORDS + 1);
        assertThat(jsonRecords).isEqualTo(RECORDS);
        assertThat(report).contains("the table shows the first").contains("data/web-enquiries.csv")
                .contains("Enquiry number 200").doesNotContain("Enquiry number 201<");
        assertThat(built.sizeBytes()).isPositive();

        // Released with the response; after the download window, the package file and the lookup records go.
        String file = jdbc.sql("SELECT file_path FROM access_package WHERE id = :id").param("id", built.id())
                .query(String.class).single();
        String lookupFile = result.recordsFile().substring(requestId.length() + 1);
        assertThat(files.exists(requestId, file)).isTrue();
        assertThat(files.exists(requestId, lookupFile)).isTrue();
        assertThat(chunksOf(requestId, file)).as("the package in rows of 256 KB")
                .isEqualTo((built.sizeBytes() + 262_143) / 262_144).isGreaterThan(1);
        assertThat(packages.release(requestId)).isPresent();
        jdbc.sql("UPDATE access_package SET expires_at = :past WHERE id = :id")
                .param("past", Timestamp.from(Instant.now().minusSeconds(60))).param("id", built.id()).update();

        assertThat(packageCleanup.deleteExpired()).isGreaterThanOrEqualTo(1);
        assertThat(files.exists(requestId, file)).isFalse();
        assertThat(files.exists(requestId, lookupFile)).isFalse();
        assertThat(chunksOf(requestId, file) + chunksOf(requestId, lookupFile)).isZero();
        assertThatThrownBy(() -> packages.open(built.id())).isInstanceOf(IllegalStateException.class);
    }

    private long chunksOf(String requestId, String name) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM request_file_chunk c JOIN request_file f ON f.id = c.file_id
                WHERE f.request_id = :requestId AND f.name = :name
                """).param("requestId", requestId).param("name", name).query(Long.class).single();
    }
}
