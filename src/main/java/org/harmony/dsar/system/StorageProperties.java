package org.harmony.dsar.system;

import java.net.URI;
import java.nio.file.Path;

import org.harmony.dsar.kernel.RequestFiles;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the files of requests are kept ({@link RequestFiles}).
 *
 * @param type       {@code database} (default: every node reads them, one backup, deleted with the request's rows),
 *                   {@code s3} (an S3-compatible object store every node reaches) or {@code directory} (a single
 *                   node, or a directory every node mounts)
 * @param directory  the directory of {@code directory}
 * @param chunkSize  the size of one row of a file in the database: what a write or read holds in memory at once
 * @param s3         the object store of {@code s3}
 */
@ConfigurationProperties("dsar.storage")
public record StorageProperties(
        @DefaultValue("database") Type type,
        @DefaultValue("./data/files") Path directory,
        @DefaultValue("256KB") DataSize chunkSize,
        @DefaultValue S3 s3) {

    public enum Type { DATABASE, DIRECTORY, S3 }

    /**
     * An S3-compatible object store: AWS S3, or MinIO, Ceph and others through {@code endpoint}.
     *
     * @param bucket               the bucket
     * @param createBucket         create the bucket at start when it does not exist (for a store of the engine's
     *                             own, as in docker-compose); otherwise it must exist, and the engine's credentials
     *                             need no right on buckets
     * @param keyPrefix            the start of every key the engine writes, so the bucket can hold other things
     * @param endpoint             the store's URL; empty for AWS S3 itself, where {@code region} chooses it
     * @param region               the region the client signs for (any value for most S3-compatible stores)
     * @param pathStyle            {@code https://host/bucket/key} rather than {@code https://bucket.host/key}; what
     *                             most S3-compatible stores need
     * @param accessKey            the access key; empty to take AWS's default chain (environment, profile, the
     *                             instance's or the container's role)
     * @param secretKey            the secret of {@code accessKey}
     * @param serverSideEncryption {@code AES256} or {@code aws:kms} to ask the store to encrypt each object; empty to
     *                             rely on the bucket's default encryption
     * @param partSize             the size of one part of an upload: what a write holds in memory at once (at least
     *                             5 MB, S3's minimum for a part that is not the last)
     * @param checksumsWhenRequired compute request checksums only where the API requires them; for S3-compatible
     *                             stores that do not yet accept the SDK's default trailing checksums
     */
    public record S3(
            @DefaultValue("") String bucket,
            @DefaultValue("false") boolean createBucket,
            @DefaultValue("request-files/") String keyPrefix,
            URI endpoint,
            @DefaultValue("eu-central-1") String region,
            @DefaultValue("true") boolean pathStyle,
            @DefaultValue("") String accessKey,
            @DefaultValue("") String secretKey,
            @DefaultValue("") String serverSideEncryption,
            @DefaultValue("8MB") DataSize partSize,
            @DefaultValue("false") boolean checksumsWhenRequired) {
    }
}
