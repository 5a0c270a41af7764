package org.harmony.dsar.appeal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.harmony.dsar.appeal.process.AppealProcesses;
import org.harmony.dsar.appeal.process.AppealRules.Periods;
import org.harmony.dsar.appeal.process.AppealRules;
import org.harmony.dsar.kernel.process.GroupMembers;
import org.harmony.dsar.kernel.web.ApiProblem;
import org.harmony.dsar.mail.MailService;
import org.harmony.dsar.mail.OutgoingMail;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.Jurisdiction;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appeals against a denial where the law gives one (AppealPeriods.dmn): offered with the denial mail for the appeal
 * window, filed by the requester through the link (which starts AppealProcess), decided by a reviewer who took no
 * part in the request's decision, within the decision period (once extended where the law allows it). The
 * requester's statement is deleted when the appeal is decided.
 */
@Service
public class Appeals {

    /** The longest statement a requester and reasons a reviewer may write. */
    public static final int MAX_TEXT = 4000;

    private static final Logger log = LoggerFactory.getLogger(Appeals.class);

    private final JdbcClient jdbc;
    private final AppealRules rules;
    private final RequestRepository requests;
    private final RequestEvents events;
    private final AppealProcesses processes;
    private final GroupMembers members;
    private final MailService mail;
    private final String tasklistUrl;
    private final Clock clock;

    Appeals(JdbcClient jdbc, AppealRules rules, RequestRepository requests, RequestEvents events,
            AppealProcesses processes, GroupMembers members, MailService mail,
            @Value("${dsar.requester.public-base-url:http://localhost:8080}") String publicBaseUrl, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.requests = requests;
        this.events = events;
        this.processes = processes;
        this.members = members;
        this.mail = mail;
        this.tasklistUrl = publicBaseUrl + "/camunda/app/tasklist/";
        this.clock = clock;
    }

    /** An appeal's record; {@code statement} is null once decided. */
    public record Appeal(String requestId, Instant windowEndsAt, Instant appealedAt, String statement, Instant dueAt,
            boolean extended, String decision, String decisionReasons, String decidedBy) {
    }

    /** When the appeal is due and when the reviewers are reminded. */
    public record Due(Instant dueAt, Instant reminderAt) {
    }

    /**
     * Offers an appeal against the denial being mailed, where the request's law gives one: the window starts now.
     * Offered again (a new window) only until the requester appeals.
     *
     * @return until when the requester can appeal; empty when the law gives no appeal or it was filed already
     */
    @Transactional
    public Optional<Instant> offer(DsarRequest request) {
        Optional<Periods> periods = rules.periods(request.jurisdiction());
        Optional<Appeal> existing = find(request.id());
        if (periods.isEmpty() || existing.map(Appeal::appealedAt).isPresent()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant windowEndsAt = plus(now, periods.get().window(), request.jurisdiction());
        int updated = jdbc.sql("UPDATE appeal SET offered_at = :now, window_ends_at = :until WHERE request_id = :id")
                .param("now", Timestamp.from(now)).param("until", Timestamp.from(windowEndsAt))
                .param("id", request.id()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO appeal (request_id, offered_at, window_ends_at) VALUES (:id, :now, :until)
                    """).param("id", request.id()).param("now", Timestamp.from(now))
                    .param("until", Timestamp.from(windowEndsAt)).update();
        }
        events.record(request.id(), "APPEAL_OFFERED", "until=" + windowEndsAt);
        return Optional.of(windowEndsAt);
    }

    /**
     * The appeal of the requester's own request (the caller has checked the link), filed or still open. Refused with
     * a problem when the law gives no appeal, the request was not denied, or the window closed before an appeal.
     */
    public Appeal openFor(DsarRequest request) {
        if (rules.periods(request.jurisdiction()).isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "not-appealable", "No appeal under this law",
                    "The law of this request (" + request.jurisdiction().law() + ") gives no appeal. Our email "
                            + "names where you can complain.");
        }
        Appeal offered = find(request.id()).orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "not-denied",
                "Nothing to appeal", "Only a decision to deny a request, in whole or in part, can be appealed."));
        if (offered.appealedAt() == null && clock.instant().isAfter(offered.windowEndsAt())) {
            throw new ApiProblem(HttpStatus.GONE, "appeal-window-closed", "The appeal period has ended",
                    "Appeals of request " + request.reference() + " were possible until " + offered.windowEndsAt()
                            + ".");
        }
        return offered;
    }

    /**
     * Files the requester's appeal of their own request (the caller has checked the link) and starts AppealProcess;
     * refused as {@link #openFor} refuses, and when the appeal was filed already.
     */
    @Transactional
    public Appeal file(DsarRequest request, String statement) {
        if (openFor(request).appealedAt() != null) {
            throw new ApiProblem(HttpStatus.CONFLICT, "already-appealed", "Appeal received already",
                    "We received your appeal of request " + request.reference() + " already and will email you "
                            + "our decision.");
        }
        Instant now = clock.instant();
        String text = statement == null ? null : statement.replace("\r\n", "\n").strip();
        if (text != null && (text.length() > MAX_TEXT || text.matches("(?s).*[\\p{Cc}&&[^\\n\\t]].*"))) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-statement", "Statement not accepted",
                    "statement: at most " + MAX_TEXT + " characters, without control characters");
        }
        jdbc.sql("UPDATE appeal SET appealed_at = :now, statement = :statement WHERE request_id = :id")
                .param("now", Timestamp.from(now)).param("statement", text == null || text.isEmpty() ? null : text)
                .param("id", request.id()).update();
        events.record(request.id(), "APPEAL_RECEIVED", "statement=" + (text == null || text.isEmpty() ? 0
                : text.length()) + "chars");
        processes.start(request);
        log.info("Request {}: appeal received, AppealProcess started", request.reference());
        return find(request.id()).orElseThrow();
    }

    /** Sets the due date from the appeal's receipt (decision period of AppealPeriods.dmn). */
    @Transactional
    public Due scheduleDecision(String requestId) {
        DsarRequest request = requests.get(requestId);
        Periods periods = periodsOf(request);
        Appeal appeal = find(requestId).orElseThrow();
        Instant dueAt = plus(appeal.appealedAt(), periods.decision(), request.jurisdiction());
        return due(request, periods, dueAt, false);
    }

    /** Extends the due date once by the law's extension; the reviewer's reasons are mailed to the requester. */
    @Transactional
    public Due extend(String requestId) {
        DsarRequest request = requests.get(requestId);
        Periods periods = periodsOf(request);
        Appeal appeal = find(requestId).orElseThrow();
        if (periods.extension() == null || appeal.extended()) {
            throw new IllegalStateException("Appeal of " + request.reference() + " cannot be extended");
        }
        Instant dueAt = plus(appeal.dueAt(), periods.extension(), request.jurisdiction());
        events.record(requestId, "APPEAL_EXTENDED", "dueAt=" + dueAt);
        return due(request, periods, dueAt, true);
    }

    /**
     * Why the reviewer may not decide so, or empty: a decision and reasons are needed, an extension only once where
     * the law gives one, and nobody who decided the request (the four-eyes rule of the review) decides its appeal.
     */
    public Optional<String> refusal(String requestId, AppealDecision decision, String reasons, String reviewer) {
        if (decision == null) {
            return Optional.of("Choose a decision: grant the appeal, deny it, or extend the period.");
        }
        if (reasons == null || reasons.isBlank() || reasons.length() > MAX_TEXT) {
            return Optional.of("Give the reasons for the decision (at most " + MAX_TEXT + " characters): the "
                    + "requester is told them.");
        }
        if (decision == AppealDecision.EXTEND) {
            DsarRequest request = requests.get(requestId);
            boolean extended = find(requestId).map(Appeal::extended).orElse(true);
            if (periodsOf(request).extension() == null || extended) {
                return Optional.of("The period cannot be extended: " + request.jurisdiction().law()
                        + (extended ? " allows one extension, which was given." : " gives no extension."));
            }
        }
        if (reviewer == null) {
            return Optional.of("Four-eyes rule: log in, or claim the task before completing it.");
        }
        if (deciders(requestId).contains(reviewer)) {
            return Optional.of("Four-eyes rule: you took part in the decision on this request, so another reviewer "
                    + "must decide its appeal. Unclaim the task.");
        }
        return Optional.empty();
    }

    /**
     * Records the reviewer's decision (an extension keeps the appeal open), with its reasons and reviewer.
     */
    @Transactional
    public void recordDecision(String requestId, AppealDecision decision, String reasons, String reviewer) {
        jdbc.sql("""
                UPDATE appeal SET decision = :decision, decision_reasons = :reasons, decided_by = :by,
                    decided_at = :at WHERE request_id = :id
                """).param("decision", decision.name()).param("reasons", reasons.strip()).param("by", reviewer)
                .param("at", Timestamp.from(clock.instant())).param("id", requestId).update();
        events.record(requestId, "APPEAL_" + decision, "by=" + reviewer + " task=UserTask_DecideAppeal");
    }

    /** The appeal is over: the requester's statement goes; the decision and its reasons stay with the request. */
    @Transactional
    public void ended(String requestId) {
        if (jdbc.sql("UPDATE appeal SET statement = NULL WHERE request_id = :id AND statement IS NOT NULL")
                .param("id", requestId).update() > 0) {
            events.record(requestId, "APPEAL_STATEMENT_DELETED", null);
        }
    }

    /** Mails every member of the group that the appeal is due soon ({@code overdue} false) or overdue. */
    @Transactional
    public int alert(String requestId, String groupId, boolean overdue, String step) {
        DsarRequest request = requests.get(requestId);
        Appeal appeal = find(requestId).orElseThrow();
        Map<String, Object> model = new HashMap<>();
        model.put("reference", request.reference());
        model.put("law", request.jurisdiction().law());
        model.put("overdue", overdue);
        model.put("dueDate", date(appeal.dueAt(), request.jurisdiction(), Locale.ENGLISH));
        model.put("tasklistUrl", tasklistUrl);
        int sent = 0;
        for (GroupMembers.Member member : members.withEmail(groupId)) {
            mail.send(new OutgoingMail(step + ":" + appeal.dueAt().getEpochSecond() + ":" + member.id(),
                    requestId, member.email(), "staff-appeal-due", Locale.ENGLISH, model));
            sent++;
        }
        events.record(requestId, overdue ? "APPEAL_OVERDUE" : "APPEAL_REMINDER", "group=" + groupId
                + " recipients=" + sent);
        return sent;
    }

    /** What the requester's mails say about the appeal: its due date, the decision and its reasons. */
    public Map<String, Object> mailModel(DsarRequest request) {
        Map<String, Object> model = new HashMap<>();
        find(request.id()).filter(appeal -> appeal.appealedAt() != null).ifPresent(appeal -> {
            model.put("appealDecision", appeal.decision());
            model.put("appealReasons", appeal.decisionReasons());
            model.put("appealDueDate", appeal.dueAt() == null ? null
                    : date(appeal.dueAt(), request.jurisdiction(), request.language()));
        });
        return model;
    }

    public Optional<Appeal> find(String requestId) {
        return jdbc.sql("""
                SELECT request_id, window_ends_at, appealed_at, statement, due_at, extended, decision,
                    decision_reasons, decided_by FROM appeal WHERE request_id = :id
                """).param("id", requestId)
                .query((rs, row) -> new Appeal(rs.getString("request_id"),
                        rs.getTimestamp("window_ends_at").toInstant(), instant(rs.getTimestamp("appealed_at")),
                        rs.getString("statement"), instant(rs.getTimestamp("due_at")), rs.getBoolean("extended"),
                        rs.getString("decision"), rs.getString("decision_reasons"), rs.getString("decided_by")))
                .optional();
    }

    public static String date(Instant at, Jurisdiction jurisdiction, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(at.atZone(
                jurisdiction.zone()));
    }

    /** The staff users who completed a task or decided on the request (its audit trail's "by=" entries). */
    private List<String> deciders(String requestId) {
        return jdbc.sql("""
                SELECT detail FROM request_event WHERE request_id = :id AND detail LIKE 'by=%'
                    AND event_type NOT LIKE 'APPEAL%'
                """).param("id", requestId).query(String.class).list().stream()
                .map(detail -> detail.substring("by=".length()).split(" ", 2)[0]).distinct().toList();
    }

    private Due due(DsarRequest request, Periods periods, Instant dueAt, boolean extended) {
        jdbc.sql("UPDATE appeal SET due_at = :due, extended = :extended WHERE request_id = :id")
                .param("due", Timestamp.from(dueAt)).param("extended", extended).param("id", request.id()).update();
        Instant reminderAt = dueAt.atZone(request.jurisdiction().zone()).minus(periods.reminderBefore()).toInstant();
        return new Due(dueAt, reminderAt);
    }

    private Periods periodsOf(DsarRequest request) {
        return rules.periods(request.jurisdiction()).orElseThrow(() -> new IllegalStateException(
                "No appeal under " + request.jurisdiction().code()));
    }

    private static Instant plus(Instant from, Period period, Jurisdiction jurisdiction) {
        return from.atZone(jurisdiction.zone()).plus(period).toInstant();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
