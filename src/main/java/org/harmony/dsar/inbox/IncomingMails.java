package org.harmony.dsar.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmony.dsar.request.Jurisdiction;
import org.harmony.dsar.request.RequestType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The mails read from the privacy mailboxes and their attachments, one row per Message-ID. */
@Repository
public class IncomingMails {

    private final JdbcClient jdbc;
    private final Clock clock;

    IncomingMails(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a recorded mail is now. */
    enum Status { AWAITING_TRIAGE, REQUEST_CREATED, REPLY_ATTACHED, NOT_A_REQUEST, SPAM, REPEAT }

    /** A recorded mail, as the officer sees it. */
    record Stored(String id, String mailbox, String messageId, Instant receivedAt, String sender, String subject,
            String text, long sizeBytes, String note, Status status, String requestId) {
    }

    record StoredAttachment(String fileName, String contentType, long sizeBytes, String refused) {
    }

    boolean isRecorded(String messageId) {
        return jdbc.sql("SELECT COUNT(*) FROM incoming_mail WHERE message_id = :id").param("id", messageId)
                .query(Integer.class).single() > 0;
    }

    /**
     * Records the mail; a {@link org.springframework.dao.DuplicateKeyException} when its Message-ID is recorded
     * already (another node took it).
     *
     * @param contentHash keyed hash of sender, subject and text, by which copies are found; null for replies
     * @param repeatOf    the first mail of which this one is a copy, or null
     */
    String insert(String mailbox, IncomingMail mail, Status status, String requestId, String contentHash,
            String repeatOf) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO incoming_mail (id, mailbox, message_id, received_at, recorded_at, sender, subject,
                    body_text, size_bytes, note, status, request_id, content_hash, repeat_of)
                VALUES (:id, :mailbox, :messageId, :receivedAt, :recordedAt, :sender, :subject, :text, :size, :note,
                    :status, :requestId, :contentHash, :repeatOf)
                """)
                .param("id", id)
                .param("mailbox", mailbox)
                .param("messageId", mail.messageId())
                .param("receivedAt", Timestamp.from(mail.receivedAt()))
                .param("recordedAt", Timestamp.from(clock.instant()))
                .param("sender", mail.sender())
                .param("subject", mail.subject())
                .param("text", mail.text())
                .param("size", mail.sizeBytes())
                .param("note", mail.note())
                .param("status", status.name())
                .param("requestId", requestId)
                .param("contentHash", contentHash)
                .param("repeatOf", repeatOf)
                .update();
        for (IncomingMail.Attachment attachment : mail.attachments()) {
            jdbc.sql("""
                    INSERT INTO incoming_mail_attachment (id, mail_id, file_name, content_type, size_bytes, content,
                        refused)
                    VALUES (:id, :mailId, :fileName, :type, :size, :content, :refused)
                    """)
                    .param("id", UUID.randomUUID().toString())
                    .param("mailId", id)
                    .param("fileName", attachment.fileName())
                    .param("type", attachment.contentType())
                    .param("size", attachment.sizeBytes())
                    .param("content", attachment.content())
                    .param("refused", attachment.refused())
                    .update();
        }
        return id;
    }

    Stored get(String id) {
        return jdbc.sql("SELECT * FROM incoming_mail WHERE id = :id").param("id", id)
                .query((rs, row) -> new Stored(rs.getString("id"), rs.getString("mailbox"),
                        rs.getString("message_id"), rs.getTimestamp("received_at").toInstant(),
                        rs.getString("sender"), rs.getString("subject"), rs.getString("body_text"),
                        rs.getLong("size_bytes"), rs.getString("note"), Status.valueOf(rs.getString("status")),
                        rs.getString("request_id")))
                .single();
    }

    List<StoredAttachment> attachments(String mailId) {
        return jdbc.sql("""
                SELECT file_name, content_type, size_bytes, refused FROM incoming_mail_attachment
                WHERE mail_id = :mailId ORDER BY file_name""")
                .param("mailId", mailId)
                .query((rs, row) -> new StoredAttachment(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getLong("size_bytes"), rs.getString("refused")))
                .list();
    }

    /** Mails attached to a request as replies, oldest first. */
    List<Stored> repliesTo(String requestId) {
        return jdbc.sql("SELECT id FROM incoming_mail WHERE request_id = :requestId AND status = :status"
                        + " ORDER BY received_at")
                .param("requestId", requestId).param("status", Status.REPLY_ATTACHED.name())
                .query(String.class).list().stream().map(this::get).toList();
    }

    /** The first mail with this content recorded since {@code since} (not itself a copy, not a reply), if any. */
    Optional<Stored> firstWithContent(String contentHash, Instant since) {
        return jdbc.sql("""
                SELECT id FROM incoming_mail WHERE content_hash = :hash AND repeat_of IS NULL
                    AND status <> :reply AND recorded_at > :since ORDER BY recorded_at LIMIT 1""")
                .param("hash", contentHash).param("reply", Status.REPLY_ATTACHED.name())
                .param("since", Timestamp.from(since))
                .query(String.class).optional().map(this::get);
    }

    /** How many copies of a mail were recorded. */
    int copiesOf(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM incoming_mail WHERE repeat_of = :id").param("id", id)
                .query(Integer.class).single();
    }

    /** Puts the copies of a mail with the request it became, so that they are erased with it. */
    void attachCopies(String id, String requestId) {
        jdbc.sql("UPDATE incoming_mail SET request_id = :requestId WHERE repeat_of = :id")
                .param("requestId", requestId).param("id", id).update();
    }

    /** Erases the copies of a mail closed as no request or spam. */
    int eraseCopies(String id) {
        return jdbc.sql("SELECT id FROM incoming_mail WHERE repeat_of = :id AND erased_at IS NULL").param("id", id)
                .query(String.class).list().stream().mapToInt(this::erase).sum();
    }

    void attachProcessInstance(String id, String processInstanceId) {
        jdbc.sql("UPDATE incoming_mail SET process_instance_id = :pi WHERE id = :id")
                .param("pi", processInstanceId).param("id", id).update();
    }

    void recordTriage(String id, Triage triage) {
        jdbc.sql("""
                UPDATE incoming_mail SET triage_type = :type, triage_jurisdiction = :jurisdiction,
                    triage_language = :language, requester_email = :email, requester_name = :name,
                    triage_reason = :reason WHERE id = :id""")
                .param("type", triage.type() == null ? null : triage.type().name())
                .param("jurisdiction", triage.jurisdiction() == null ? null : triage.jurisdiction().code())
                .param("language", triage.language())
                .param("email", triage.email())
                .param("name", triage.name())
                .param("reason", triage.reason())
                .param("id", id)
                .update();
    }

    Triage triage(String id) {
        return jdbc.sql("SELECT * FROM incoming_mail WHERE id = :id").param("id", id)
                .query((rs, row) -> new Triage(null,
                        rs.getString("triage_type") == null ? null : RequestType.valueOf(rs.getString("triage_type")),
                        rs.getString("triage_jurisdiction") == null ? null
                                : Jurisdiction.ofCode(rs.getString("triage_jurisdiction")),
                        rs.getString("triage_language"), rs.getString("requester_email"),
                        rs.getString("requester_name"), rs.getString("triage_reason"), null))
                .single();
    }

    void updateStatus(String id, Status status, String requestId) {
        jdbc.sql("UPDATE incoming_mail SET status = :status, request_id = :requestId WHERE id = :id")
                .param("status", status.name()).param("requestId", requestId).param("id", id).update();
    }

    /** Erases sender, subject, text and attachment content of one mail; its Message-ID stays, so it is not read again. */
    int erase(String id) {
        jdbc.sql("""
                UPDATE incoming_mail_attachment SET content = NULL, file_name = NULL WHERE mail_id = :id
                """).param("id", id).update();
        return jdbc.sql("""
                UPDATE incoming_mail SET sender = NULL, subject = NULL, body_text = NULL, triage_reason = NULL,
                    requester_email = NULL, requester_name = NULL, erased_at = :now WHERE id = :id AND erased_at IS NULL
                """).param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    /** Erases every mail of a request (the one that started it and the replies); returns how many. */
    public int eraseForRequest(String requestId) {
        List<String> ids = jdbc.sql("SELECT id FROM incoming_mail WHERE request_id = :requestId AND erased_at IS NULL")
                .param("requestId", requestId).query(String.class).list();
        jdbc.sql("UPDATE incoming_mail SET content_hash = NULL WHERE request_id = :requestId")
                .param("requestId", requestId).update();
        return ids.stream().mapToInt(this::erase).sum();
    }
}
