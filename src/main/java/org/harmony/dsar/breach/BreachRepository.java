package org.harmony.dsar.breach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.harmony.dsar.request.Jurisdiction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The breach records (table {@code breach}). Lists are stored one entry a line. */
@Repository
class BreachRepository {

    private static final String SEPARATOR = "\n";

    private final JdbcClient jdbc;

    BreachRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Breach breach) {
        jdbc.sql("""
                INSERT INTO breach (id, reference, description, detected_at, occurred_at, affected_sources,
                    affected_categories, jurisdictions, consequences, measures, subject_actions, contact,
                    notice_due_at, notice_due_reason, authority_due_at, created_by, created_at)
                VALUES (:id, :reference, :description, :detectedAt, :occurredAt, :sources, :categories,
                    :jurisdictions, :consequences, :measures, :subjectActions, :contact, :noticeDueAt,
                    :noticeDueReason, :authorityDueAt, :createdBy, :createdAt)
                """)
                .param("id", breach.id())
                .param("reference", breach.reference())
                .param("description", breach.description())
                .param("detectedAt", timestamp(breach.detectedAt()))
                .param("occurredAt", timestamp(breach.occurredAt()))
                .param("sources", String.join(SEPARATOR, breach.affectedSources()))
                .param("categories", String.join(SEPARATOR, breach.affectedCategories()))
                .param("jurisdictions", String.join(SEPARATOR,
                        breach.jurisdictions().stream().map(Jurisdiction::code).toList()))
                .param("consequences", breach.consequences())
                .param("measures", breach.measures())
                .param("subjectActions", breach.subjectActions())
                .param("contact", breach.contact())
                .param("noticeDueAt", timestamp(breach.noticeDueAt()))
                .param("noticeDueReason", breach.noticeDueReason())
                .param("authorityDueAt", timestamp(breach.authorityDueAt()))
                .param("createdBy", breach.createdBy())
                .param("createdAt", timestamp(breach.createdAt()))
                .update();
    }

    Breach get(String id) {
        return jdbc.sql("SELECT * FROM breach WHERE id = :id").param("id", id).query(BreachRepository::map)
                .optional().orElseThrow(() -> new IllegalStateException("No breach " + id));
    }

    Optional<Breach> findByReference(String reference) {
        return jdbc.sql("SELECT * FROM breach WHERE reference = :reference").param("reference", reference)
                .query(BreachRepository::map).optional();
    }

    void recipientsFound(String id, Instant at) {
        jdbc.sql("UPDATE breach SET recipients_found_at = :at WHERE id = :id")
                .param("at", timestamp(at)).param("id", id).update();
    }

    void noticesCompleted(String id, Instant at) {
        jdbc.sql("UPDATE breach SET notices_completed_at = :at WHERE id = :id AND notices_completed_at IS NULL")
                .param("at", timestamp(at)).param("id", id).update();
    }

    void authorityNotified(String id, Breach.AuthorityNotice notice) {
        jdbc.sql("""
                UPDATE breach SET authority_notified_at = :at, authority_name = :name, authority_reference = :reference,
                    authority_delay_reason = :delayReason, authority_notified_by = :by
                WHERE id = :id
                """)
                .param("at", timestamp(notice.notifiedAt()))
                .param("name", notice.authorityName())
                .param("reference", notice.authorityReference())
                .param("delayReason", notice.delayReason())
                .param("by", notice.notifiedBy())
                .param("id", id)
                .update();
    }

    private static Breach map(ResultSet rs, int row) throws SQLException {
        Instant notifiedAt = instant(rs, "authority_notified_at");
        return new Breach(
                rs.getString("id"),
                rs.getString("reference"),
                rs.getString("description"),
                instant(rs, "detected_at"),
                instant(rs, "occurred_at"),
                list(rs.getString("affected_sources")),
                list(rs.getString("affected_categories")),
                list(rs.getString("jurisdictions")).stream().map(Jurisdiction::ofCode).toList(),
                rs.getString("consequences"),
                rs.getString("measures"),
                rs.getString("subject_actions"),
                rs.getString("contact"),
                instant(rs, "notice_due_at"),
                rs.getString("notice_due_reason"),
                instant(rs, "authority_due_at"),
                instant(rs, "recipients_found_at"),
                instant(rs, "notices_completed_at"),
                notifiedAt == null ? null : new Breach.AuthorityNotice(notifiedAt, rs.getString("authority_name"),
                        rs.getString("authority_reference"), rs.getString("authority_delay_reason"),
                        rs.getString("authority_notified_by")),
                rs.getString("created_by"),
                instant(rs, "created_at"));
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
