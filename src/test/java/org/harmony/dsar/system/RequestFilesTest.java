package org.harmony.dsar.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.harmony.dsar.kernel.RequestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * The three stores of request files: the database on H2, the embedded default (the journeys run it on PostgreSQL), a
 * directory, and an S3-compatible object store (a real S3Proxy in a JVM of its own). Streamed content comes back byte
 * for byte across many chunks or parts, a rewrite replaces the file only once complete, a failed write leaves the
 * earlier file (and, in the object store, no unfinished upload), a delete goes with its transaction, and the prefix
 * deletes only its files.
 */
class RequestFilesTest {

    private static final String REQUEST = "request-1";
    private static final String BUCKET = "request-files";

    @TempDir
    static Path serverDir;

    private static S3Server s3;

    @TempDir
    Path dir;

    private JdbcDataSource db;
    private JdbcClient jdbc;
    private TransactionTemplate transactions;

    @BeforeAll
    static void startObjectStore() {
        s3 = S3Server.start(serverDir, BUCKET);
    }

    @AfterAll
    static void stopObjectStore() throws InterruptedException {
        s3.close();
    }

    @BeforeEach
    void migrate() {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:files-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        db.setUser("sa");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(db);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(db));
        jdbc.sql("""
                INSERT INTO dsar_request (id, reference, request_type, jurisdiction, email, full_name, language, stage,
                    received_at) VALUES (:id, 'DSAR-FILES-00001', 'ACCESS', 'EU', 'a@example.org', 'A', 'en',
                    'RECEIVED', :now)
                """).param("id", REQUEST).param("now", Timestamp.from(Instant.now())).update();
    }

    private RequestFiles store(StorageProperties.Type type) {
        StorageProperties properties = new StorageProperties(type, dir, DataSize.ofKilobytes(64), objectStore());
        return switch (type) {
            case DATABASE -> new DatabaseRequestFiles(JdbcClient.create(db), Clock.systemUTC(), properties);
            case DIRECTORY -> new DirectoryRequestFiles(properties);
            case S3 -> new S3RequestFiles(properties);
        };
    }

    /** The test server's bucket, with a key prefix of this test's own. */
    private StorageProperties.S3 objectStore() {
        return new StorageProperties.S3(BUCKET, false, keyPrefix, s3.endpoint(), S3Server.REGION, true, S3Server.ACCESS_KEY,
                S3Server.SECRET_KEY, "", DataSize.ofMegabytes(5), true);
    }

    private final String keyPrefix = "test-" + System.nanoTime() + "/";

    @ParameterizedTest
    @EnumSource(StorageProperties.Type.class)
    void shouldReturnStreamedContentByteForByte(StorageProperties.Type type) throws IOException {
        RequestFiles files = store(type);
        byte[] content = new byte[1_000_003];
        new Random(7).nextBytes(content);

        long size = files.write(REQUEST, "package-1.zip", out -> {
            for (int i = 0; i < content.length; i += 1000) {
                out.write(content, i, Math.min(1000, content.length - i));
            }
        });

        assertThat(size).isEqualTo(content.length);
        try (InputStream in = files.open(REQUEST, "package-1.zip")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        if (type == StorageProperties.Type.DATABASE) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM request_file_chunk").query(Long.class).single())
                    .as("rows of 64 KB").isEqualTo(16L);
        }
        assertThat(files.list("package-")).extracting(RequestFiles.StoredFile::name).containsExactly("package-1.zip");
    }

    @ParameterizedTest
    @EnumSource(StorageProperties.Type.class)
    void shouldKeepTheEarlierFileWhenARewriteFailsAndReplaceItWhenOneSucceeds(StorageProperties.Type type)
            throws IOException {
        RequestFiles files = store(type);
        files.write(REQUEST, "lookup-orders.jsonl", out -> out.write("first\n".getBytes()));

        assertThatThrownBy(() -> files.write(REQUEST, "lookup-orders.jsonl", out -> {
            out.write(new byte[100_000]);
            throw new IOException("source went away");
        })).hasMessageContaining("lookup-orders.jsonl");
        assertThat(read(files, "lookup-orders.jsonl")).isEqualTo("first\n");

        files.write(REQUEST, "lookup-orders.jsonl", out -> out.write("second\n".getBytes()));
        assertThat(read(files, "lookup-orders.jsonl")).isEqualTo("second\n");
        assertThat(files.list("lookup-")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(StorageProperties.Type.class)
    void shouldDeleteWithTheTransactionAndOnlyThePrefixAsked(StorageProperties.Type type) {
        RequestFiles files = store(type);
        files.write(REQUEST, "lookup-orders.jsonl", out -> out.write('x'));
        files.write(REQUEST, "package-1.zip", out -> out.write('y'));

        transactions.executeWithoutResult(status -> {
            files.deleteAll(REQUEST, "lookup-");
            status.setRollbackOnly();
        });
        assertThat(files.exists(REQUEST, "lookup-orders.jsonl")).as("rolled back").isTrue();

        transactions.executeWithoutResult(status -> files.deleteAll(REQUEST, "lookup-"));
        assertThat(files.exists(REQUEST, "lookup-orders.jsonl")).isFalse();
        assertThat(files.exists(REQUEST, "package-1.zip")).isTrue();
        assertThatThrownBy(() -> files.open(REQUEST, "lookup-orders.jsonl")).isInstanceOf(RequestFiles.Missing.class);
        if (type == StorageProperties.Type.DIRECTORY) {
            assertThat(Files.exists(dir.resolve(REQUEST).resolve("package-1.zip"))).isTrue();
        }
    }

    @Test
    void shouldUploadALargeFileInPartsAndAbortAFailedOne() throws IOException {
        RequestFiles files = store(StorageProperties.Type.S3);
        byte[] content = new byte[12_000_003];
        new Random(11).nextBytes(content);

        assertThat(files.write(REQUEST, "package-2.zip", out -> out.write(content))).isEqualTo(content.length);
        try (InputStream in = files.open(REQUEST, "package-2.zip")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(s3.keys(BUCKET)).contains(keyPrefix + REQUEST + "/package-2.zip");

        assertThatThrownBy(() -> files.write(REQUEST, "package-2.zip", out -> {
            out.write(new byte[7_000_000]);
            throw new IOException("package builder failed");
        })).hasMessageContaining("package-2.zip");
        try (InputStream in = files.open(REQUEST, "package-2.zip")) {
            assertThat(in.readAllBytes()).as("the earlier package").isEqualTo(content);
        }
        try (S3Client client = s3.client()) {
            assertThat(client.listMultipartUploads(request -> request.bucket(BUCKET).prefix(keyPrefix)).uploads())
                    .as("the failed write's upload is aborted").isEmpty();
        }
    }

    @Test
    void shouldCreateTheBucketOnlyWhenAsked() throws IOException {
        StorageProperties.S3 own = new StorageProperties.S3("own-bucket", false, "", s3.endpoint(), S3Server.REGION,
                true, S3Server.ACCESS_KEY, S3Server.SECRET_KEY, "", DataSize.ofMegabytes(5), true);
        RequestFiles withoutBucket = new S3RequestFiles(new StorageProperties(StorageProperties.Type.S3, dir,
                DataSize.ofKilobytes(64), own));
        assertThatThrownBy(() -> withoutBucket.write(REQUEST, "lookup-orders.jsonl", out -> out.write('x')))
                .hasMessageContaining("not written to the object store");

        RequestFiles created = new S3RequestFiles(new StorageProperties(StorageProperties.Type.S3, dir,
                DataSize.ofKilobytes(64), new StorageProperties.S3("own-bucket", true, "", s3.endpoint(),
                        S3Server.REGION, true, S3Server.ACCESS_KEY, S3Server.SECRET_KEY, "", DataSize.ofMegabytes(5),
                        true)));
        created.write(REQUEST, "lookup-orders.jsonl", out -> out.write('x'));
        assertThat(read(created, "lookup-orders.jsonl")).isEqualTo("x");
        assertThat(s3.keys("own-bucket")).containsExactly(REQUEST + "/lookup-orders.jsonl");
    }

    @Test
    void shouldKeepEveryObjectUnderTheRequestsKeyAndRefuseNamesThatLeaveIt() {
        RequestFiles files = store(StorageProperties.Type.S3);
        files.write(REQUEST, "lookup-orders.jsonl", out -> out.write('x'));
        files.write("request-2", "lookup-orders.jsonl", out -> out.write('y'));

        assertThat(s3.keys(BUCKET)).filteredOn(key -> key.startsWith(keyPrefix)).containsExactlyInAnyOrder(
                keyPrefix + REQUEST + "/lookup-orders.jsonl", keyPrefix + "request-2/lookup-orders.jsonl");
        assertThat(files.list("lookup-")).extracting(RequestFiles.StoredFile::requestId)
                .containsExactlyInAnyOrder(REQUEST, "request-2");
        assertThatThrownBy(() -> files.write(REQUEST, "../request-2/lookup-orders.jsonl", out -> out.write('z')))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> files.open("..", "lookup-orders.jsonl")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> files.open(REQUEST, "package-9.zip")).isInstanceOf(RequestFiles.Missing.class);
    }

    @Test
    void shouldNameTheSettingWhenTheBucketOrThePartSizeIsWrong() {
        assertThatThrownBy(() -> new S3RequestFiles(new StorageProperties(StorageProperties.Type.S3, dir,
                DataSize.ofKilobytes(64), new StorageProperties.S3("", false, "", null, S3Server.REGION, true, "", "",
                        "", DataSize.ofMegabytes(8), false))))
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("dsar.storage.s3.bucket");
        assertThatThrownBy(() -> new S3RequestFiles(new StorageProperties(StorageProperties.Type.S3, dir,
                DataSize.ofKilobytes(64), new StorageProperties.S3(BUCKET, false, "", s3.endpoint(), S3Server.REGION,
                        true, "", "", "", DataSize.ofMegabytes(1), false))))
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("dsar.storage.s3.part-size");
    }

    @Test
    void shouldLeaveSpringsHttpClientAsItWas() {
        assertThat(ClassUtils.isPresent("org.apache.hc.client5.http.impl.classic.HttpClients", null))
                .as("the object store's SDK brings no Apache HttpClient, which Spring would take for every RestClient")
                .isFalse();
    }

    @Test
    void shouldRefuseNamesThatLeaveTheRequestsDirectory() {
        RequestFiles files = store(StorageProperties.Type.DIRECTORY);
        assertThatThrownBy(() -> files.write(REQUEST, "../escape", out -> out.write('x')))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> files.open("..", "escape")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.exists(dir.resolve("escape"))).isFalse();
    }

    private static String read(RequestFiles files, String name) throws IOException {
        try (InputStream in = files.open(REQUEST, name)) {
            return new String(in.readAllBytes());
        }
    }
}
