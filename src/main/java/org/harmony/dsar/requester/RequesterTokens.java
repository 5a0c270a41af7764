package org.harmony.dsar.requester;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Unguessable, expiring tokens that open one request to its requester. A token is 256 random bits; only its
 * SHA-256 is stored, so a copy of the database opens nothing.
 */
@Service
public class RequesterTokens {

    private final JdbcClient jdbc;
    private final RequesterProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RequesterTokens(JdbcClient jdbc, RequesterProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    public String issue(String requestId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO requester_token (token_hash, request_id, issued_at, expires_at)
                VALUES (:hash, :requestId, :issuedAt, :expiresAt)
                """)
                .param("hash", hash(token))
                .param("requestId", requestId)
                .param("issuedAt", Timestamp.from(now))
                .param("expiresAt", Timestamp.from(now.plus(properties.tokenTtl())))
                .update();
        return token;
    }

    /** What the token opens, if anything. */
    public Optional<Grant> check(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT request_id, expires_at FROM requester_token WHERE token_hash = :hash")
                .param("hash", hash(token))
                .query((rs, row) -> new Grant(rs.getString("request_id"),
                        rs.getTimestamp("expires_at").toInstant().isBefore(clock.instant())))
                .optional();
    }

    public record Grant(String requestId, boolean expired) {
    }

    static String hash(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
