package org.harmony.dsar.fulfilment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code access_package} rows: which package file belongs to which request, and its release and expiry. */
@Repository
class AccessPackageRepository {

    private final JdbcClient jdbc;

    AccessPackageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, String requestId, Instant createdAt, PackageFile written) {
        jdbc.sql("""
                INSERT INTO access_package (id, request_id, created_at, size_bytes, sha256, file_path)
                VALUES (:id, :requestId, :createdAt, :size, :sha256, :file)
                """)
                .param("id", id)
                .param("requestId", requestId)
                .param("createdAt", Timestamp.from(createdAt))
                .param("size", written.size())
                .param("sha256", written.sha256())
                .param("file", written.name())
                .update();
    }

    /** The newest package of the request, if one was built (released or not, deleted or not). */
    Optional<AccessPackage> latest(String requestId) {
        return jdbc.sql("""
                SELECT id, created_at, released_at, expires_at, deleted_at, size_bytes, sha256 FROM access_package
                WHERE request_id = :requestId ORDER BY created_at DESC
                """)
                .param("requestId", requestId)
                .query((rs, row) -> new AccessPackage(rs.getString("id"), rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("released_at")), instant(rs.getTimestamp("expires_at")),
                        instant(rs.getTimestamp("deleted_at")), rs.getLong("size_bytes"), rs.getString("sha256")))
                .list().stream().findFirst();
    }

    /** Starts the download window of the request's unreleased package; returns how many rows it released. */
    int release(String requestId, Instant now, Instant expiresAt) {
        return jdbc.sql("""
                UPDATE access_package SET released_at = :now, expires_at = :expiresAt
                WHERE request_id = :requestId AND released_at IS NULL AND deleted_at IS NULL
                """)
                .param("now", Timestamp.from(now))
                .param("expiresAt", Timestamp.from(expiresAt))
                .param("requestId", requestId)
                .update();
    }

    List<String> unreleasedFiles(String requestId) {
        return jdbc.sql("""
                SELECT file_path FROM access_package
                WHERE request_id = :requestId AND released_at IS NULL AND deleted_at IS NULL
                """)
                .param("requestId", requestId).query(String.class).list();
    }

    void markUnreleasedDeleted(String requestId, Instant now) {
        jdbc.sql("""
                UPDATE access_package SET deleted_at = :now, content = NULL
                WHERE request_id = :requestId AND released_at IS NULL AND deleted_at IS NULL
                """)
                .param("now", Timestamp.from(now)).param("requestId", requestId).update();
    }

    /** Package files that a row still needs: released and not yet expired, or awaiting review. */
    Set<String> filesInUse() {
        return Set.copyOf(jdbc.sql("""
                SELECT p.file_path FROM access_package p JOIN dsar_request r ON r.id = p.request_id
                WHERE p.deleted_at IS NULL AND (p.released_at IS NOT NULL OR r.ended_at IS NULL)
                """).query(String.class).list());
    }

    /** The file of a package that is not deleted. */
    Optional<Stored> stored(String packageId) {
        return jdbc.sql("""
                SELECT id, request_id, file_path FROM access_package WHERE id = :id AND deleted_at IS NULL
                """)
                .param("id", packageId).query(AccessPackageRepository::storedRow).optional();
    }

    /** Packages past their download window whose file is not yet deleted. */
    List<Stored> expired(Instant now) {
        return jdbc.sql("""
                SELECT id, request_id, file_path FROM access_package WHERE expires_at < :now AND deleted_at IS NULL
                """)
                .param("now", Timestamp.from(now))
                .query(AccessPackageRepository::storedRow)
                .list();
    }

    void markDeleted(String packageId, Instant now) {
        jdbc.sql("UPDATE access_package SET deleted_at = :now, content = NULL WHERE id = :id")
                .param("now", Timestamp.from(now)).param("id", packageId).update();
    }

    private static Stored storedRow(ResultSet rs, int row) throws SQLException {
        return new Stored(rs.getString("id"), rs.getString("request_id"), rs.getString("file_path"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Where a package's file is: the request's file of that name. */
    record Stored(String id, String requestId, String file) {
    }
}
