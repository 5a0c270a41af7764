package org.harmony.dsar.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.harmony.dsar.kernel.Sha256;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.request.RequesterLinks;
import org.harmony.dsar.request.process.DsarMessages;
import org.harmony.dsar.response.RequesterNotifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proves that the requester holds the email address: a six-digit one-time code from a secure random source,
 * stored only as a salted SHA-256, valid for a limited time and locked after too many wrong tries.
 */
@Service
public class VerificationService {

    private static final Logger log = LoggerFactory.getLogger(VerificationService.class);
    static final String MAIL_TEMPLATE = "verification-code";
    /** The code mail to the subject when an agent made the request: the subject confirms it directly. */
    static final String AGENT_CONFIRMATION_TEMPLATE = "agent-confirmation";

    private final JdbcClient jdbc;
    private final RequestRepository requests;
    private final RequestEvents events;
    private final RequesterNotifications notifications;
    private final RequesterLinks links;
    private final DsarMessages messages;
    private final VerificationProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    VerificationService(JdbcClient jdbc, RequestRepository requests, RequestEvents events,
            RequesterNotifications notifications, RequesterLinks links, DsarMessages messages,
            VerificationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.events = events;
        this.notifications = notifications;
        this.links = links;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /** Issues a new code, invalidating any earlier one, and mails it with a link to enter it. */
    @Transactional
    public void issueAndSendCode(String requestId) {
        DsarRequest request = requests.get(requestId);
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE verification_code SET invalidated_at = :now
                WHERE request_id = :requestId AND used_at IS NULL AND invalidated_at IS NULL
                """).param("now", Timestamp.from(now)).param("requestId", requestId).update();

        String code = "%06d".formatted(random.nextInt(1_000_000));
        String salt = HexFormat.of().formatHex(randomBytes(16));
        String codeId = UUID.randomUUID().toString();
        Instant expiresAt = now.plus(properties.codeTtl());
        jdbc.sql("""
                INSERT INTO verification_code (id, request_id, code_hash, salt, issued_at, expires_at, failed_attempts)
                VALUES (:id, :requestId, :hash, :salt, :issuedAt, :expiresAt, 0)
                """)
                .param("id", codeId)
                .param("requestId", requestId)
                .param("hash", hash(salt, code))
                .param("salt", salt)
                .param("issuedAt", Timestamp.from(now))
                .param("expiresAt", Timestamp.from(expiresAt))
                .update();
        events.record(requestId, "VERIFICATION_CODE_ISSUED", "expiresAt=" + expiresAt);
        // A code is mailed once; a new code (after a rolled-back attempt) gets a mail of its own. It always goes
        // to the subject's address: for an agent's request, the subject confirms it directly (CCPA 11 CCR 7063).
        String template = request.agent() == null ? MAIL_TEMPLATE : AGENT_CONFIRMATION_TEMPLATE;
        notifications.notify(requestId, template, template + ":" + codeId, Map.of(
                "code", code,
                "verifyUrl", links.verifyUrl(request.reference(), code),
                "codeValidHours", properties.codeTtl().toHours()));
    }

    /** Checks a code entered by the requester; a right code lets the request's process go on. */
    @Transactional
    public Outcome verify(String reference, String code) {
        Optional<DsarRequest> found = requests.lockByReference(reference);
        if (found.isEmpty()) {
            return Outcome.WRONG_CODE;
        }
        DsarRequest request = found.get();
        if (request.verifiedAt() != null) {
            return Outcome.ALREADY_VERIFIED;
        }
        Optional<ActiveCode> active = jdbc.sql("""
                SELECT id, code_hash, salt, expires_at, failed_attempts FROM verification_code
                WHERE request_id = :requestId AND used_at IS NULL AND invalidated_at IS NULL
                ORDER BY issued_at DESC
                """)
                .param("requestId", request.id())
                .query((rs, row) -> new ActiveCode(rs.getString("id"), rs.getString("code_hash"),
                        rs.getString("salt"), rs.getTimestamp("expires_at").toInstant(),
                        rs.getInt("failed_attempts")))
                .list().stream().findFirst();
        if (active.isEmpty()) {
            return Outcome.NO_ACTIVE_CODE;
        }
        ActiveCode current = active.get();
        Instant now = clock.instant();
        if (current.failedAttempts() >= properties.maxAttempts()) {
            return Outcome.LOCKED;
        }
        if (current.expiresAt().isBefore(now)) {
            return Outcome.EXPIRED;
        }
        if (!MessageDigest.isEqual(current.hash().getBytes(StandardCharsets.US_ASCII),
                hash(current.salt(), code).getBytes(StandardCharsets.US_ASCII))) {
            jdbc.sql("UPDATE verification_code SET failed_attempts = failed_attempts + 1 WHERE id = :id")
                    .param("id", current.id()).update();
            events.record(request.id(), "VERIFICATION_CODE_WRONG", "attempt=" + (current.failedAttempts() + 1));
            log.info("Wrong verification code for request {} (attempt {})", reference, current.failedAttempts() + 1);
            return current.failedAttempts() + 1 >= properties.maxAttempts() ? Outcome.LOCKED : Outcome.WRONG_CODE;
        }
        if (!messages.awaitsEmailVerification(request.id())) {
            return Outcome.NOT_AWAITING;
        }
        jdbc.sql("UPDATE verification_code SET used_at = :now WHERE id = :id")
                .param("now", Timestamp.from(now)).param("id", current.id()).update();
        requests.markVerified(request.id(), now);
        events.record(request.id(), "EMAIL_VERIFIED", "method=one-time code");
        messages.emailVerified(request.id());
        log.info("Request {} verified by email code", reference);
        return Outcome.VERIFIED;
    }

    /**
     * Asks the request's verification process for a new code (it mails it and invalidates the old one). An
     * unknown reference or a request that is not waiting for a code is answered like a success, so the answer
     * reveals nothing; only too many codes for one request within a day are refused.
     */
    @Transactional
    public NewCode requestNewCode(String reference) {
        Optional<DsarRequest> found = requests.findByReference(reference);
        if (found.isEmpty() || found.get().verifiedAt() != null) {
            return NewCode.REQUESTED;
        }
        DsarRequest request = found.get();
        int recent = jdbc.sql("""
                SELECT COUNT(*) FROM verification_code WHERE request_id = :requestId AND issued_at > :since
                """)
                .param("requestId", request.id())
                .param("since", Timestamp.from(clock.instant().minus(Duration.ofDays(1))))
                .query(Integer.class).single();
        if (recent >= properties.maxCodesPerDay()) {
            events.record(request.id(), "VERIFICATION_CODE_REFUSED", "codesInLastDay=" + recent);
            return NewCode.TOO_MANY;
        }
        int correlated = messages.verificationCodeRequested(request.id());
        if (correlated > 0) {
            events.record(request.id(), "VERIFICATION_CODE_REQUESTED", null);
            log.info("New verification code requested for request {}", reference);
        }
        return NewCode.REQUESTED;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    static String hash(String salt, String code) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(salt.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(digest.digest(code.getBytes(StandardCharsets.UTF_8)));
    }

    public enum NewCode {
        /** Requested, or nothing to do: the caller cannot tell which. */
        REQUESTED,
        /** The request had too many codes within a day. */
        TOO_MANY
    }

    public enum Outcome {
        VERIFIED, ALREADY_VERIFIED, WRONG_CODE, LOCKED, EXPIRED, NO_ACTIVE_CODE, NOT_AWAITING
    }

    private record ActiveCode(String id, String hash, String salt, Instant expiresAt, int failedAttempts) {
    }
}
