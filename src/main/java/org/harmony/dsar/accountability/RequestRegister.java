package org.harmony.dsar.accountability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.harmony.dsar.request.Jurisdiction;
import org.harmony.dsar.request.RequestType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register of requests (GDPR Art 5(2) accountability): every request of a period with its channel, type,
 * jurisdiction, dates, outcome and reason codes, among them an appeal's steps (APPEAL_RECEIVED, APPEAL_EXTENDED,
 * APPEAL_GRANTED, APPEAL_DENIED). No name, address or text of the requester: the reference leads to
 * the rest for those allowed to see it.
 */
@Component
public class RequestRegister {

    private static final Pattern REASON = Pattern.compile("reason=([A-Za-z0-9_-]+)");

    private final JdbcClient jdbc;

    RequestRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How a request ended, as the register and the CCPA metrics count it. */
    public enum Outcome { OPEN, COMPLIED, COMPLIED_IN_PART, DENIED, DENIED_UNVERIFIED, CANCELLED }

    public record Entry(String reference, String channel, RequestType type, Jurisdiction jurisdiction, Instant receivedAt,
            Instant verifiedAt, Instant identityVerifiedAt, Instant dueAt, Instant extendedAt, Instant answeredAt,
            Outcome outcome, List<String> reasonCodes) {

        boolean ended() {
            return outcome != Outcome.OPEN && outcome != Outcome.CANCELLED;
        }
    }

    public List<Entry> entries(ReportingPeriod period, Jurisdiction jurisdiction) {
        Map<String, List<String>> reasons = reasonCodes(period, jurisdiction);
        List<Entry> entries = new ArrayList<>();
        jdbc.sql("""
                SELECT r.id, r.reference, r.channel, r.request_type, r.jurisdiction, r.received_at, r.verified_at,
                    r.identity_verified_at, r.due_at, r.completed_at, r.ended_at, r.stage, r.access_scope,
                    (SELECT MAX(x.requested_at) FROM deadline_extension x WHERE x.request_id = r.id) AS extended_at,
                    (SELECT COUNT(*) FROM erasure_evidence e WHERE e.request_id = r.id AND e.rows_kept > 0) AS kept
                FROM dsar_request r
                WHERE r.received_at >= :from AND r.received_at < :to AND (:all OR r.jurisdiction = :jurisdiction)
                ORDER BY r.received_at, r.reference
                """)
                .param("from", Timestamp.from(period.start()))
                .param("to", Timestamp.from(period.end()))
                .param("all", jurisdiction == null)
                .param("jurisdiction", jurisdiction == null ? "" : jurisdiction.code())
                .query((rs, n) -> {
                    List<String> codes = reasons.getOrDefault(rs.getString("id"), List.of());
                    entries.add(entry(rs, codes));
                    return null;
                }).list();
        return entries;
    }

    private static Entry entry(ResultSet rs, List<String> reasonCodes) throws SQLException {
        boolean partly = "CATEGORIES".equals(rs.getString("access_scope")) || rs.getInt("kept") > 0
                || reasonCodes.contains("CONFIRM_PARTIAL");
        Outcome outcome = switch (rs.getString("stage")) {
            case "COMPLETED" -> partly ? Outcome.COMPLIED_IN_PART : Outcome.COMPLIED;
            case "DENIED" -> Outcome.DENIED;
            case "CLOSED_UNVERIFIED" -> Outcome.DENIED_UNVERIFIED;
            default -> rs.getTimestamp("ended_at") == null ? Outcome.OPEN : Outcome.CANCELLED;
        };
        return new Entry(rs.getString("reference"), rs.getString("channel"),
                RequestType.valueOf(rs.getString("request_type")), Jurisdiction.ofCode(rs.getString("jurisdiction")),
                instant(rs, "received_at"), instant(rs, "verified_at"), instant(rs, "identity_verified_at"),
                instant(rs, "due_at"), instant(rs, "extended_at"), instant(rs, "completed_at"), outcome,
                reasonCodes.stream().filter(code -> !"CONFIRM_PARTIAL".equals(code)).toList());
    }

    /**
     * Reason codes per request: of deadline extensions, of data kept despite an erasure, of a denial by the reviewer
     * or legal counsel, and the narrowing of access to categories.
     */
    private Map<String, List<String>> reasonCodes(ReportingPeriod period, Jurisdiction jurisdiction) {
        Map<String, TreeSet<String>> codes = new HashMap<>();
        String inPeriod = """
                request_id IN (SELECT id FROM dsar_request WHERE received_at >= :from AND received_at < :to
                    AND (:all OR jurisdiction = :jurisdiction))""";
        for (String sql : List.of(
                "SELECT request_id, 'EXTENDED_' || reason_code FROM deadline_extension WHERE " + inPeriod,
                "SELECT request_id, 'KEPT_' || kept_reason FROM erasure_evidence WHERE kept_reason IS NOT NULL AND "
                        + inPeriod,
                "SELECT request_id, event_type || ' ' || COALESCE(detail, '') FROM request_event WHERE event_type IN"
                        + " ('REVIEW_DENY', 'LEGAL_REVIEW_COMPLETED', 'ACCESS_NARROWED_TO_CATEGORIES', 'FEE_NOTED',"
                        + " 'APPEAL_RECEIVED', 'APPEAL_EXTENDED', 'APPEAL_GRANTED', 'APPEAL_DENIED') AND "
                        + inPeriod)) {
            jdbc.sql(sql)
                    .param("from", Timestamp.from(period.start()))
                    .param("to", Timestamp.from(period.end()))
                    .param("all", jurisdiction == null)
                    .param("jurisdiction", jurisdiction == null ? "" : jurisdiction.code())
                    .query((rs, n) -> {
                        String code = code(rs.getString(2));
                        if (code != null) {
                            codes.computeIfAbsent(rs.getString(1), id -> new TreeSet<>()).add(code);
                        }
                        return null;
                    }).list();
        }
        Map<String, List<String>> lists = new HashMap<>();
        codes.forEach((id, set) -> lists.put(id, List.copyOf(set)));
        return lists;
    }

    /** An event's reason code ({@code reason=X} in its detail), or the code itself (an appeal's step). */
    private static String code(String value) {
        if (value.startsWith("APPEAL_")) {
            return value.split(" ", 2)[0];
        }
        if (value.startsWith("ACCESS_NARROWED_TO_CATEGORIES")) {
            return "ACCESS_NARROWED_TO_CATEGORIES";
        }
        if (value.startsWith("LEGAL_REVIEW_COMPLETED") && !value.contains("decision=DENY")) {
            return value.contains("decision=CONFIRM_PARTIAL") ? "CONFIRM_PARTIAL" : null;
        }
        if (value.startsWith("FEE_NOTED")) {
            Matcher reason = REASON.matcher(value);
            return "FEE_" + (reason.find() ? reason.group(1) : "NO_REASON_GIVEN");
        }
        if (value.startsWith("REVIEW_DENY") || value.startsWith("LEGAL_REVIEW_COMPLETED")) {
            Matcher reason = REASON.matcher(value);
            return "DENIED_" + (reason.find() ? reason.group(1) : "NO_REASON_GIVEN");
        }
        return value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
