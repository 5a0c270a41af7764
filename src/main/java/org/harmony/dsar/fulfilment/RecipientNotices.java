package org.harmony.dsar.fulfilment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.harmony.dsar.lookup.DataSourceCatalogue.Recipient;
import org.harmony.dsar.lookup.DataSourceCatalogue.Source;
import org.harmony.dsar.lookup.DataSourceCatalogue;
import org.harmony.dsar.lookup.LookupResult;
import org.harmony.dsar.lookup.SubjectDataLookup;
import org.harmony.dsar.mail.MailService;
import org.harmony.dsar.mail.OutgoingMail;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.request.RequestType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the recipients of a source about an erasure, a correction or a restriction there (GDPR Art 19): one mail
 * per source and recipient with an email address, for every source the request changed; each mail once, however
 * often the job runs. Every recipient of a changed source is recorded (told or, without an address, not), so that
 * the response can name them when the requester asked.
 */
@Service
public class RecipientNotices {

    /** The request types that change data at a source (Art 19, Art 28(3)(e)), each with the change's name. */
    static final Map<RequestType, String> KINDS = Map.of(
            RequestType.ERASURE, "erasure",
            RequestType.RECTIFICATION, "rectification",
            RequestType.RESTRICTION, "restriction");

    private final DataSourceCatalogue catalogue;
    private final SubjectErasure erasure;
    private final Rectifications rectifications;
    private final Suppressions suppressions;
    private final SubjectDataLookup lookup;
    private final RequestRepository requests;
    private final RequestEvents events;
    private final MailService mail;
    private final FulfilmentProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    RecipientNotices(DataSourceCatalogue catalogue, SubjectErasure erasure, Rectifications rectifications,
            Suppressions suppressions, SubjectDataLookup lookup, RequestRepository requests, RequestEvents events,
            MailService mail, FulfilmentProperties properties, JdbcClient jdbc, Clock clock) {
        this.catalogue = catalogue;
        this.erasure = erasure;
        this.rectifications = rectifications;
        this.suppressions = suppressions;
        this.lookup = lookup;
        this.requests = requests;
        this.events = events;
        this.mail = mail;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Sends the notices the request's change calls for; returns how many recipients were told now. */
    @Transactional
    public int notifyRecipients(String requestId) {
        DsarRequest request = requests.get(requestId);
        String kind = KINDS.get(request.type());
        if (kind == null) {
            return 0;
        }
        Map<String, List<Map<String, String>>> changed = changedSources(request);
        int told = 0;
        for (Source source : catalogue.sources()) {
            if (!changed.containsKey(source.name())) {
                continue;
            }
            for (Recipient recipient : source.recipients()) {
                boolean hasAddress = recipient.email() != null && !recipient.email().isBlank();
                record(requestId, source.name(), recipient.name(), kind, hasAddress);
                if (!hasAddress) {
                    continue;
                }
                Map<String, Object> model = new HashMap<>();
                model.put("reference", request.reference());
                model.put("recipientName", recipient.name());
                model.put("sourceTitle", source.title());
                model.put("subjectEmail", request.email());
                model.put("corrections", changed.get(source.name()));
                model.put("company", properties.companyName());
                model.put("contact", properties.contact());
                boolean sent = mail.send(new OutgoingMail(requestId + ":" + kind + "-notice:" + source.name() + ":"
                        + recipient.email(), requestId, recipient.email(), "recipient-" + kind + "-notice",
                        recipient.locale(), model));
                told += sent ? 1 : 0;
            }
        }
        events.record(requestId, "RECIPIENTS_NOTIFIED", "change=" + kind + " recipients=" + told);
        return told;
    }

    /** The recipients recorded for the request, for the response when the requester asked who received their data. */
    public List<NamedRecipient> recipients(String requestId) {
        return jdbc.sql("""
                SELECT source_name, recipient_name, told FROM recipient_notice WHERE request_id = :requestId
                ORDER BY source_name, recipient_name
                """)
                .param("requestId", requestId)
                .query((rs, row) -> new NamedRecipient(rs.getString("recipient_name"),
                        catalogue.find(rs.getString("source_name")).map(Source::title)
                                .orElse(rs.getString("source_name")), rs.getBoolean("told")))
                .list();
    }

    /** A recipient of the subject's data from one source, and whether it was told of the change. */
    public record NamedRecipient(String name, String source, boolean told) {
    }

    /** The sources the request changed, each with its corrections (field and new value) for a rectification. */
    private Map<String, List<Map<String, String>>> changedSources(DsarRequest request) {
        Map<String, List<Map<String, String>>> changed = new LinkedHashMap<>();
        switch (request.type()) {
            case ERASURE -> erasure.evidence(request.id()).stream().filter(e -> e.rowsErased() > 0)
                    .forEach(e -> changed.putIfAbsent(e.sourceName(), List.of()));
            case RECTIFICATION -> rectifications.corrections(request.id()).stream()
                    .filter(Rectifications.Correction::applied)
                    .forEach(c -> changed.computeIfAbsent(c.sourceName(), name -> new ArrayList<>())
                            .add(Map.of("field", c.fieldName(), "value", c.requestedValue())));
            case RESTRICTION -> {
                Set<String> found = lookup.results(request.id()).stream().filter(r -> r.recordCount() > 0)
                        .map(LookupResult::source).map(Source::name).collect(Collectors.toSet());
                suppressions.sources(request.id(), RequestType.RESTRICTION).stream().filter(found::contains)
                        .forEach(name -> changed.put(name, List.of()));
            }
            default -> { }
        }
        return changed;
    }

    private void record(String requestId, String sourceName, String recipientName, String kind, boolean told) {
        boolean recorded = jdbc.sql("""
                SELECT COUNT(*) FROM recipient_notice
                WHERE request_id = :requestId AND source_name = :source AND recipient_name = :recipient
                """).param("requestId", requestId).param("source", sourceName).param("recipient", recipientName)
                .query(Integer.class).single() > 0;
        if (!recorded) {
            jdbc.sql("""
                    INSERT INTO recipient_notice (id, request_id, source_name, recipient_name, change_kind, told,
                        recorded_at)
                    VALUES (:id, :requestId, :source, :recipient, :kind, :told, :at)
                    """)
                    .param("id", UUID.randomUUID().toString())
                    .param("requestId", requestId)
                    .param("source", sourceName)
                    .param("recipient", recipientName)
                    .param("kind", kind)
                    .param("told", told)
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
        }
    }
}
