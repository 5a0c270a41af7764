package org.harmony.dsar.request;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.harmony.dsar.kernel.Sha256;
import org.harmony.dsar.kernel.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Unguessable, expiring tokens that open one request to its requester. A token is 256 random bits; only its
 * SHA-256 is stored, so a copy of the database opens nothing.
 */
@Service
public class RequesterTokens {

    private static final String REQUESTER = "REQUESTER";
    private static final String TRANSMISSION = "TRANSMISSION";

    private final JdbcClient jdbc;
    private final RequestRepository requests;
    private final RequesterProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RequesterTokens(JdbcClient jdbc, RequestRepository requests, RequesterProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.properties = properties;
        this.clock = clock;
    }

    public String issue(String requestId) {
        return issue(requestId, clock.instant().plus(properties.tokenTtl()));
    }

    /** A token that works until {@code expiresAt} (an appeal link: until the appeal window closes). */
    public String issue(String requestId, Instant expiresAt) {
        return issue(requestId, expiresAt, REQUESTER);
    }

    /** A token that opens only the package sent to another controller (GDPR Art 20(2)), until it expires. */
    public String issueTransmission(String requestId, Instant expiresAt) {
        return issue(requestId, expiresAt, TRANSMISSION);
    }

    private String issue(String requestId, Instant expiresAt, String purpose) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO requester_token (token_hash, request_id, issued_at, expires_at, purpose)
                VALUES (:hash, :requestId, :issuedAt, :expiresAt, :purpose)
                """)
                .param("purpose", purpose)
                .param("hash", hash(token))
                .param("requestId", requestId)
                .param("issuedAt", Timestamp.from(now))
                .param("expiresAt", Timestamp.from(expiresAt))
                .update();
        return token;
    }

    /**
     * The request a link opens: the token must be this request's and not expired. An unknown reference and a
     * wrong token get the same answer, so nothing is revealed about other requests.
     */
    public DsarRequest requestFor(String reference, String token) {
        return requestFor(reference, token, REQUESTER);
    }

    /** The request whose package a transmission link (sent to another controller) opens; nothing else. */
    public DsarRequest transmittedRequestFor(String reference, String token) {
        return requestFor(reference, token, TRANSMISSION);
    }

    private DsarRequest requestFor(String reference, String token, String purpose) {
        ApiProblem noMatch = new ApiProblem(HttpStatus.NOT_FOUND, "unknown-link", "Link not recognised",
                "No request matches this link. Use the latest link from our emails.");
        Grant grant = check(token, purpose).orElseThrow(() -> noMatch);
        DsarRequest request = requests.findByReference(reference)
                .filter(found -> found.id().equals(grant.requestId()))
                .orElseThrow(() -> noMatch);
        if (grant.expired()) {
            throw new ApiProblem(HttpStatus.GONE, "link-expired", "Link expired",
                    "This link has expired. Use the link from our most recent email about request "
                            + request.reference() + ".");
        }
        return request;
    }

    /** What the token opens, if anything. */
    public Optional<Grant> check(String token) {
        return check(token, REQUESTER);
    }

    private Optional<Grant> check(String token, String purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT request_id, expires_at FROM requester_token WHERE token_hash = :hash AND purpose = :purpose")
                .param("hash", hash(token)).param("purpose", purpose)
                .query((rs, row) -> new Grant(rs.getString("request_id"),
                        rs.getTimestamp("expires_at").toInstant().isBefore(clock.instant())))
                .optional();
    }

    public record Grant(String requestId, boolean expired) {
    }

    static String hash(String value) {
        return Sha256.hex(value);
    }
}
