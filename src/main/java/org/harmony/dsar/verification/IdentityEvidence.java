package org.harmony.dsar.verification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.harmony.dsar.kernel.ScannedDocuments;
import org.harmony.dsar.kernel.Sha256;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.request.RequestStage;
import org.harmony.dsar.request.process.DsarMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a requester sends to prove who they are after intake, through their link: more data points, a signed
 * declaration, documents such as an agent's authorisation. Stored in the project's tables; the request's
 * verification process is told that something arrived (message IdentityInformationReceived) when it waits for it.
 */
@Service
public class IdentityEvidence {

    private static final Logger log = LoggerFactory.getLogger(IdentityEvidence.class);
    /** The declaration a requester signs by typing their name (CCPA 11 CCR 7062(c)). */
    /** The refusal of evidence sent when verification no longer waits for it. */
    public static final String NOT_WAITING = "not-waiting-for-identity";
    public static final String DECLARATION = "I declare under penalty of perjury that I am the person whose personal"
            + " information is the subject of this request, or am authorised to act for them.";
    static final int MAX_DATA_POINTS = 10;
    /** The longest question or answer kept, in characters. */
    public static final int MAX_TEXT = 2000;

    private final JdbcClient jdbc;
    private final RequestRepository requests;
    private final RequestEvents events;
    private final DsarMessages messages;
    private final ObjectMapper json;
    private final VerificationProperties properties;
    private final Clock clock;

    IdentityEvidence(JdbcClient jdbc, RequestRepository requests, RequestEvents events, DsarMessages messages,
            ObjectMapper json, VerificationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.events = events;
        this.messages = messages;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** Adds data points (replacing earlier values of the same name) and, if given, the signed declaration. */
    @Transactional
    public void addInformation(String requestId, Map<String, String> dataPoints, String declarationSignedBy) {
        addInformation(requestId, dataPoints, declarationSignedBy, null);
    }

    /**
     * Adds data points, the signed declaration and the answer to the officer's last question, each if given. The
     * answer replaces an earlier answer to the same question; the audit trail records its length, never its text.
     */
    @Transactional
    public void addInformation(String requestId, Map<String, String> dataPoints, String declarationSignedBy,
            String answer) {
        DsarRequest request = requests.get(requestId);
        requireVerificationOpen(request);
        if (answer != null) {
            answer(requestId, answer.replace("\r\n", "\n").strip());
        }
        Map<String, String> merged = new LinkedHashMap<>(DataPoints.read(json, request.dataPointsJson()));
        if (dataPoints != null) {
            merged.putAll(dataPoints);
        }
        if (merged.size() > MAX_DATA_POINTS) {
            throw new EvidenceRefused("too-many-data-points",
                    "A request can hold at most " + MAX_DATA_POINTS + " data points.");
        }
        if (dataPoints != null && !dataPoints.isEmpty()) {
            requests.updateDataPoints(requestId, DataPoints.write(json, merged));
        }
        if (declarationSignedBy != null) {
            jdbc.sql("""
                    INSERT INTO identity_declaration (id, request_id, signed_name, statement, signed_at)
                    VALUES (:id, :requestId, :name, :statement, :at)
                    """)
                    .param("id", UUID.randomUUID().toString())
                    .param("requestId", requestId)
                    .param("name", declarationSignedBy.strip())
                    .param("statement", DECLARATION)
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
        }
        events.record(requestId, "IDENTITY_INFORMATION_RECEIVED", "dataPoints="
                + (dataPoints == null ? 0 : dataPoints.size()) + " declaration=" + (declarationSignedBy != null));
        informProcess(request);
    }

    /**
     * Identity information and documents are taken only while verification waits for them: never after the identity
     * was verified (they would not be used, and must not be kept) nor once the request was closed.
     */
    private void requireVerificationOpen(DsarRequest request) {
        boolean open = (request.stage() == RequestStage.RECEIVED || request.stage() == RequestStage.VERIFYING_IDENTITY)
                && jdbc.sql("SELECT COUNT(*) FROM dsar_request WHERE id = :id AND identity_verified_at IS NULL")
                        .param("id", request.id()).query(Integer.class).single() > 0;
        if (!open) {
            throw new EvidenceRefused(NOT_WAITING, "This request is not waiting for identity information or"
                    + " documents: nothing was stored.");
        }
    }

    private void answer(String requestId, String answer) {
        if (answer.isEmpty() || answer.length() > MAX_TEXT) {
            throw new EvidenceRefused("answer-length", "An answer has 1 to " + MAX_TEXT + " characters.");
        }
        Question question = question(requestId).orElseThrow(() -> new EvidenceRefused("no-question",
                "No question was asked for this request: nothing was stored."));
        jdbc.sql("UPDATE identity_question SET answer = :answer, answered_at = :at WHERE id = :id")
                .param("answer", answer).param("at", Timestamp.from(clock.instant())).param("id", question.id())
                .update();
        events.record(requestId, "IDENTITY_QUESTION_ANSWERED", "characters=" + answer.length());
    }

    /** Keeps the officer's question to the requester for the information page and the next review. */
    @Transactional
    public void recordQuestion(String requestId, String question) {
        jdbc.sql("""
                INSERT INTO identity_question (id, request_id, question, asked_at)
                VALUES (:id, :requestId, :question, :at)
                """)
                .param("id", UUID.randomUUID().toString())
                .param("requestId", requestId)
                .param("question", question.length() > MAX_TEXT ? question.substring(0, MAX_TEXT) : question)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /** The officer's last question to the requester and its answer, if any. */
    public Optional<Question> question(String requestId) {
        return jdbc.sql("""
                SELECT id, question, asked_at, answer, answered_at FROM identity_question
                WHERE request_id = :requestId ORDER BY asked_at DESC, id
                """)
                .param("requestId", requestId)
                .query((rs, row) -> new Question(rs.getString("id"), rs.getString("question"),
                        rs.getTimestamp("asked_at").toInstant(), rs.getString("answer"),
                        rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant()))
                .stream().findFirst();
    }

    /** Deletes the request's questions and answers; returns how many there were. */
    @Transactional
    public int forgetQuestions(String requestId) {
        return jdbc.sql("DELETE FROM identity_question WHERE request_id = :requestId").param("requestId", requestId)
                .update();
    }

    /** Stores a document after checking its size, its declared type and that its content is of that type. */
    @Transactional
    public Document storeDocument(String requestId, String contentType, byte[] content) {
        DsarRequest request = requests.get(requestId);
        requireVerificationOpen(request);
        if (content.length == 0) {
            throw new EvidenceRefused("empty-document", "The document is empty.");
        }
        if (content.length > properties.maxDocumentBytes()) {
            throw new EvidenceRefused("document-too-large", "A document may have at most "
                    + properties.maxDocumentBytes() + " bytes.");
        }
        if (contentType == null || !ScannedDocuments.TYPES.contains(contentType)
                || !ScannedDocuments.looksLike(contentType, content)) {
            throw new EvidenceRefused("document-type", "Send a PDF, PNG or JPEG file with its content type.");
        }
        if (documents(requestId).size() >= properties.maxDocuments()) {
            throw new EvidenceRefused("too-many-documents", "A request can hold at most "
                    + properties.maxDocuments() + " documents.");
        }
        Document document = new Document(UUID.randomUUID().toString(), contentType, content.length, sha256(content),
                clock.instant(), null);
        jdbc.sql("""
                INSERT INTO verification_document (id, request_id, content_type, size_bytes, sha256, content, uploaded_at)
                VALUES (:id, :requestId, :type, :size, :sha256, :content, :at)
                """)
                .param("id", document.id())
                .param("requestId", requestId)
                .param("type", contentType)
                .param("size", document.sizeBytes())
                .param("sha256", document.sha256())
                .param("content", content)
                .param("at", Timestamp.from(document.uploadedAt()))
                .update();
        events.record(requestId, "IDENTITY_DOCUMENT_RECEIVED", "type=" + contentType + " bytes=" + content.length
                + " sha256=" + document.sha256());
        informProcess(request);
        return document;
    }

    public List<Document> documents(String requestId) {
        return jdbc.sql("""
                SELECT id, content_type, size_bytes, sha256, uploaded_at, erased_at FROM verification_document
                WHERE request_id = :requestId ORDER BY uploaded_at
                """)
                .param("requestId", requestId)
                .query((rs, row) -> new Document(rs.getString("id"), rs.getString("content_type"),
                        rs.getLong("size_bytes"), rs.getString("sha256"), rs.getTimestamp("uploaded_at").toInstant(),
                        rs.getTimestamp("erased_at") == null ? null : rs.getTimestamp("erased_at").toInstant()))
                .list();
    }

    /** Erases the content of the request's documents; what they were (type, size, SHA-256) stays. */
    @Transactional
    public int eraseDocuments(String requestId) {
        return jdbc.sql("""
                UPDATE verification_document SET content = :empty, erased_at = :now
                WHERE request_id = :requestId AND erased_at IS NULL
                """)
                .param("empty", new byte[0])
                .param("now", Timestamp.from(clock.instant()))
                .param("requestId", requestId)
                .update();
    }

    /** A document's content, if it belongs to the request. */
    public Optional<byte[]> content(String requestId, String documentId) {
        return jdbc.sql("""
                SELECT content FROM verification_document
                WHERE id = :id AND request_id = :requestId AND erased_at IS NULL""")
                .param("id", documentId).param("requestId", requestId)
                .query((rs, row) -> rs.getBytes("content"))
                .optional();
    }

    public boolean declarationSigned(String requestId) {
        return jdbc.sql("SELECT COUNT(*) FROM identity_declaration WHERE request_id = :requestId")
                .param("requestId", requestId).query(Integer.class).single() > 0;
    }

    private void informProcess(DsarRequest request) {
        int informed = messages.identityInformationReceived(request.id());
        log.info("Identity information received for request {}; {} waiting process(es) informed",
                request.reference(), informed);
    }

    private static String sha256(byte[] content) {
        return Sha256.hex(content);
    }



    /** The officer's question and the requester's answer (null until answered). */
    public record Question(String id, String question, Instant askedAt, String answer, Instant answeredAt) {
    }

    /** A stored document, without its content; erasedAt is set once the content is gone. */
    public record Document(String id, String contentType, long sizeBytes, String sha256, Instant uploadedAt,
            Instant erasedAt) {
    }

    /** Evidence the engine does not accept; the message may be shown to the requester. */
    public static class EvidenceRefused extends RuntimeException {
        private final String type;

        EvidenceRefused(String type, String message) {
            super(message);
            this.type = type;
        }

        public String type() {
            return type;
        }
    }
}
