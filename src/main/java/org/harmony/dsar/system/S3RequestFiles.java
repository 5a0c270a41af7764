package org.harmony.dsar.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.harmony.dsar.kernel.AfterCommit;
import org.harmony.dsar.kernel.RequestFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Request files in an S3-compatible object store every node reaches: one object per file, keyed
 * {@code key-prefix + request id + "/" + name}. A write streams the content in parts of {@code part-size} (a
 * multipart upload; a single PUT when it fits one part), so an object appears only once complete and a failed write
 * leaves the earlier one. Deletes wait for the surrounding transaction's commit, so a rollback leaves the object for
 * the row that still points to it; what a failed delete leaves, the clean-ups find through {@link #list}.
 */
@Component
@ConditionalOnProperty(prefix = "dsar.storage", name = "type", havingValue = "s3")
class S3RequestFiles implements RequestFiles, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(S3RequestFiles.class);
    private static final long MIN_PART_SIZE = DataSize.ofMegabytes(5).toBytes();

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final int partSize;
    private final String encryption;

    S3RequestFiles(StorageProperties properties) {
        StorageProperties.S3 config = properties.s3();
        if (config.bucket().isBlank()) {
            throw new InvalidConfigurationPropertyValueException("dsar.storage.s3.bucket", config.bucket(),
                    "dsar.storage.type is s3: name the bucket (DSAR_S3_BUCKET)");
        }
        if (config.partSize().toBytes() < MIN_PART_SIZE) {
            throw new InvalidConfigurationPropertyValueException("dsar.storage.s3.part-size", config.partSize(),
                    "at least 5MB, S3's smallest part");
        }
        this.s3 = client(config);
        this.bucket = config.bucket();
        this.prefix = config.keyPrefix();
        this.partSize = Math.toIntExact(config.partSize().toBytes());
        this.encryption = config.serverSideEncryption().isBlank() ? null : config.serverSideEncryption();
        if (config.createBucket()) {
            createBucketIfMissing(config.region());
        }
    }

    /** Outside us-east-1, S3 wants the bucket's region named in the request that creates it. */
    private void createBucketIfMissing(String region) {
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(request -> {
                request.bucket(bucket);
                if (!Region.US_EAST_1.id().equals(region)) {
                    request.createBucketConfiguration(bucketConfig -> bucketConfig.locationConstraint(region));
                }
            });
            log.info("Created bucket {} for request files", bucket);
        }
    }

    private static S3Client client(StorageProperties.S3 config) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(config.region()))
                .forcePathStyle(config.pathStyle())
                .credentialsProvider(config.accessKey().isBlank() ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(config.accessKey(), config.secretKey())));
        if (config.endpoint() != null && !config.endpoint().toString().isEmpty()) {
            builder.endpointOverride(config.endpoint());
        }
        if (config.checksumsWhenRequired()) {
            builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    @Override
    public long write(String requestId, String name, Content content) {
        String key = key(requestId, name);
        try (PartOutput out = new PartOutput(key)) {
            content.writeTo(out);
            return out.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("File " + name + " was not written", e);
        } catch (SdkException e) {
            throw new StorageFailure("File " + name + " was not written to the object store", e);
        }
    }

    @Override
    public InputStream open(String requestId, String name) {
        try {
            return s3.getObject(request -> request.bucket(bucket).key(key(requestId, name)));
        } catch (NoSuchKeyException e) {
            throw new Missing(requestId, name);
        } catch (SdkException e) {
            throw new StorageFailure("File " + name + " could not be read from the object store", e);
        }
    }

    @Override
    public boolean exists(String requestId, String name) {
        try {
            s3.headObject(request -> request.bucket(bucket).key(key(requestId, name)));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new StorageFailure("The object store did not answer for file " + name, e);
        } catch (SdkException e) {
            throw new StorageFailure("The object store did not answer for file " + name, e);
        }
    }

    @Override
    public void delete(String requestId, String name) {
        String key = key(requestId, name);
        AfterCommit.run(() -> deleteQuietly(List.of(key)));
    }

    @Override
    public void deleteAll(String requestId, String namePrefix) {
        String keyPrefix = key(requestId, namePrefix.isEmpty() ? "" : namePrefix);
        AfterCommit.run(() -> {
            try {
                List<String> keys = new ArrayList<>();
                s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(keyPrefix)).contents().stream()
                        .map(S3Object::key).filter(key -> !key.endsWith("/")).forEach(keys::add);
                deleteQuietly(keys);
            } catch (SdkException e) {
                log.warn("Files of a request could not be listed for deletion; they are deleted at the next cleanup",
                        e);
            }
        });
    }

    @Override
    public List<StoredFile> list(String namePrefix) {
        List<StoredFile> found = new ArrayList<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix))
                    .contents()) {
                String rest = object.key().substring(prefix.length());
                int slash = rest.indexOf('/');
                if (slash > 0 && slash < rest.length() - 1 && rest.startsWith(namePrefix, slash + 1)) {
                    found.add(new StoredFile(rest.substring(0, slash), rest.substring(slash + 1),
                            object.lastModified()));
                }
            }
        } catch (SdkException e) {
            throw new StorageFailure("The object store's files could not be listed", e);
        }
        return found;
    }

    /** Whether the bucket answers: for the health endpoint. */
    void checkBucket() {
        s3.headBucket(request -> request.bucket(bucket));
    }

    String bucket() {
        return bucket;
    }

    @Override
    public void destroy() {
        s3.close();
    }

    private String key(String requestId, String name) {
        String file = name.isEmpty() ? "" : DirectoryRequestFiles.safe(name);
        return prefix + DirectoryRequestFiles.safe(requestId) + "/" + file;
    }

    /**
     * One DELETE per object: a request has a few files, and the batch delete needs a checksum header that not every
     * S3-compatible store implements.
     */
    private void deleteQuietly(List<String> keys) {
        int failed = 0;
        SdkException last = null;
        for (String key : keys) {
            try {
                s3.deleteObject(request -> request.bucket(bucket).key(key));
            } catch (SdkException e) {
                failed++;
                last = e;
            }
        }
        if (last != null) {
            log.warn("{} request files could not be deleted; they are deleted at the next cleanup", failed, last);
        }
    }

    /**
     * Collects up to one part in memory. The first full part starts a multipart upload; {@link #finish} sends what is
     * left (as a single PUT when no upload was started) and completes it. Closing without finishing aborts the
     * upload, so a failed write leaves no part behind and the earlier object in place.
     */
    private final class PartOutput extends ChunkingOutput {
        private final String key;
        private final List<CompletedPart> parts = new ArrayList<>();
        private String uploadId;
        private boolean finished;

        PartOutput(String key) {
            super(partSize);
            this.key = key;
        }

        long finish() {
            if (uploadId == null) {
                s3.putObject(request -> request.bucket(bucket).key(key).serverSideEncryption(encryption), body());
            } else {
                if (filled > 0) {
                    sendChunk();
                }
                s3.completeMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId)
                        .multipartUpload(upload -> upload.parts(parts)));
            }
            finished = true;
            return written;
        }

        private RequestBody body() {
            return RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, filled), filled);
        }

        @Override
        protected void sendChunk() {
            if (uploadId == null) {
                uploadId = s3.createMultipartUpload(request -> request.bucket(bucket).key(key)
                        .serverSideEncryption(encryption)).uploadId();
            }
            int number = parts.size() + 1;
            String etag = s3.uploadPart(request -> request.bucket(bucket).key(key).uploadId(uploadId)
                    .partNumber(number), body()).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            filled = 0;
        }

        @Override
        public void close() {
            if (!finished && uploadId != null) {
                try {
                    s3.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId));
                } catch (SdkException e) {
                    log.warn("An unfinished upload could not be aborted; the bucket's lifecycle rule for incomplete "
                            + "multipart uploads removes it", e);
                }
            }
        }
    }

    /** The object store failed; a technical failure, retried by the job that met it. */
    static final class StorageFailure extends IllegalStateException {
        StorageFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
