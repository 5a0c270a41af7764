package org.harmony.dsar.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for tests: S3Proxy on jclouds' filesystem blob store, in a JVM of its own (its XML
 * mapper stays out of the engine's classpath under test), on a free port and a directory of the test's. Its classpath
 * is the file {@code mvn} writes ({@code s3proxy.classpath.file}). The bucket is created through the S3 API.
 */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "dsar-test";
    public static final String SECRET_KEY = "dsar-test-secret-key";
    public static final String REGION = "us-east-1";

    private final Path directory;
    private final int port;
    private final Process process;

    private S3Server(Path directory, int port, Process process) {
        this.directory = directory;
        this.port = port;
        this.process = process;
    }

    /** Starts the server with its objects under the directory and creates the bucket. */
    public static S3Server start(Path directory, String bucket) {
        try {
            Path objects = Files.createDirectories(directory.resolve("objects"));
            int port = freePort();
            Path properties = directory.resolve("s3proxy.properties");
            Files.writeString(properties, """
                    s3proxy.endpoint=http://127.0.0.1:%d
                    s3proxy.authorization=aws-v2-or-v4
                    s3proxy.identity=%s
                    s3proxy.credential=%s
                    jclouds.provider=filesystem
                    jclouds.filesystem.basedir=%s
                    """.formatted(port, ACCESS_KEY, SECRET_KEY, objects));
            Process process = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-XX:TieredStopAtLevel=1", "-cp", classpath(), "org.gaul.s3proxy.Main",
                    "--properties", properties.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("s3proxy.log").toFile()))
                    .start();
            S3Server server = new S3Server(objects, port, process);
            server.awaitListening();
            try (S3Client client = server.client()) {
                client.createBucket(request -> request.bucket(bucket));
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("S3Proxy did not start", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The arguments that point an engine at this server and bucket. */
    public List<String> engineArguments(String bucket) {
        return List.of("--dsar.storage.type=s3", "--dsar.storage.s3.bucket=" + bucket,
                "--dsar.storage.s3.endpoint=" + endpoint(), "--dsar.storage.s3.region=" + REGION,
                "--dsar.storage.s3.access-key=" + ACCESS_KEY, "--dsar.storage.s3.secret-key=" + SECRET_KEY,
                "--dsar.storage.s3.checksums-when-required=true");
    }

    /** A client of this server, for a test to look at the bucket the way an operator would. */
    public S3Client client() {
        return S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).endpointOverride(endpoint()).region(Region.of(REGION)).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                        SECRET_KEY)))
                .requestChecksumCalculation(
                        software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .build();
    }

    /** Every object's key in the bucket (not the directories the filesystem back end lists as keys). */
    public List<String> keys(String bucket) {
        try (S3Client client = client()) {
            return client.listObjectsV2Paginator(request -> request.bucket(bucket)).contents().stream()
                    .map(object -> object.key()).filter(key -> !key.endsWith("/")).toList();
        }
    }

    /** The regular files under the server's own directory: its objects and their metadata. */
    public long filesOnDisk() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited with " + process.exitValue() + "; see s3proxy.log");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("S3Proxy did not listen within 60 s");
    }

    private static String classpath() throws IOException {
        String file = System.getProperty("s3proxy.classpath.file", "target/s3proxy.classpath");
        if (!Files.isRegularFile(Path.of(file))) {
            throw new IllegalStateException("No S3Proxy classpath at " + file + " (mvn generate-test-resources)");
        }
        return Files.readString(Path.of(file)).strip();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
