package org.harmony.dsar.system;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The object store of request files in {@code /actuator/health} (component {@code objectStore}), when files are kept
 * there: UP when the bucket answers. Details name the bucket, never a key (keys hold request ids).
 */
@Component("objectStoreHealthIndicator")
@ConditionalOnProperty(prefix = "dsar.storage", name = "type", havingValue = "s3")
class ObjectStoreHealth extends AbstractHealthIndicator {

    private final S3RequestFiles files;

    ObjectStoreHealth(S3RequestFiles files) {
        super("The object store of request files did not answer");
        this.files = files;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        health.withDetail("bucket", files.bucket());
        files.checkBucket();
        health.up();
    }
}
