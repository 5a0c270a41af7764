package org.harmony.dsar.fulfilment;

import java.time.Instant;

/**
 * A built package. {@code releasedAt} and {@code expiresAt} are null until the approved response released it;
 * {@code deletedAt} is set once its file is gone (discarded or expired).
 */
public record AccessPackage(String id, Instant createdAt, Instant releasedAt, Instant expiresAt, Instant deletedAt,
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
