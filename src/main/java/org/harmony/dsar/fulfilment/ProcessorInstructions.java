package org.harmony.dsar.fulfilment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.harmony.dsar.legalhold.LegalHoldCheckService;
import org.harmony.dsar.lookup.DataSourceCatalogue.ErasureAction;
import org.harmony.dsar.lookup.DataSourceCatalogue.InstructionMail;
import org.harmony.dsar.lookup.DataSourceCatalogue.Source;
import org.harmony.dsar.lookup.DataSourceCatalogue;
import org.harmony.dsar.lookup.LookupResult;
import org.harmony.dsar.lookup.SubjectDataLookup;
import org.harmony.dsar.lookup.VerifiedIdentifiers;
import org.harmony.dsar.mail.MailService;
import org.harmony.dsar.mail.OutgoingMail;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.request.RequestType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Processors without an API (GDPR Art 28(3)(e)): an erasure, correction or restriction that found records in a
 * source marked {@code instruction-mail} mails the processor an instruction with the request's reference and only
 * the verified identifiers the catalogue allows, then waits for a compliance officer to record the processor's
 * confirmation. Mails are sent once per instruction, however often a job runs.
 */
@Service
public class ProcessorInstructions {

    private static final Logger log = LoggerFactory.getLogger(ProcessorInstructions.class);

    /** What a compliance officer (or, escalated, the DPO) records. */
    public enum Outcome { CONFIRMED, UNCONFIRMED }

    private final DataSourceCatalogue catalogue;
    private final SubjectDataLookup lookup;
    private final VerifiedIdentifiers identifiers;
    private final Rectifications rectifications;
    private final LegalHoldCheckService holds;
    private final RequestRepository requests;
    private final RequestEvents events;
    private final MailService mail;
    private final FulfilmentOutcomes outcomes;
    private final FulfilmentProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    ProcessorInstructions(DataSourceCatalogue catalogue, SubjectDataLookup lookup, VerifiedIdentifiers identifiers,
            Rectifications rectifications, LegalHoldCheckService holds, RequestRepository requests,
            RequestEvents events, MailService mail, FulfilmentOutcomes outcomes, FulfilmentProperties properties,
            JdbcClient jdbc, Clock clock) {
        this.catalogue = catalogue;
        this.lookup = lookup;
        this.identifiers = identifiers;
        this.rectifications = rectifications;
        this.holds = holds;
        this.requests = requests;
        this.events = events;
        this.mail = mail;
        this.outcomes = outcomes;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Mails the instructions the request calls for; returns how many processors were instructed. */
    @Transactional
    public int instruct(String requestId) {
        DsarRequest request = requests.get(requestId);
        String kind = RecipientNotices.KINDS.get(request.type());
        if (kind == null) {
            return 0;
        }
        Set<String> found = lookup.results(requestId).stream().filter(result -> result.recordCount() > 0)
                .map(LookupResult::source).map(Source::name).collect(Collectors.toSet());
        List<Map<String, String>> corrections = rectifications.corrections(requestId).stream()
                .filter(Rectifications.Correction::applied)
                .map(c -> Map.of("field", c.fieldName(), "value", c.requestedValue())).distinct().toList();
        if (request.type() == RequestType.RECTIFICATION && corrections.isEmpty()) {
            return 0;
        }
        int instructed = 0;
        for (Source source : catalogue.sources()) {
            InstructionMail processor = source.instructionMail();
            if (processor == null || !found.contains(source.name()) || heldFromErasure(request, source)) {
                continue;
            }
            Map<String, Object> model = new HashMap<>();
            model.put("reference", request.reference());
            model.put("processorName", processor.processor());
            model.put("sourceTitle", source.title());
            model.put("kind", kind);
            model.put("identifiers", identifiers.of(requestId).stream()
                    .filter(identifier -> processor.identifiers().contains(identifier.name()))
                    .map(identifier -> Map.of("name", identifier.name(), "value", identifier.value())).toList());
            model.put("corrections", corrections);
            model.put("company", properties.companyName());
            model.put("contact", properties.contact());
            mail.send(new OutgoingMail(requestId + ":processor-instruction:" + source.name(), requestId,
                    processor.contact(), "processor-instruction", processor.locale(), model));
            record(requestId, source.name(), processor.processor(), kind);
            instructed++;
        }
        events.record(requestId, "PROCESSORS_INSTRUCTED", "change=" + kind + " processors=" + instructed);
        log.info("Request {}: {} processors without an API instructed ({})", request.reference(), instructed, kind);
        return instructed;
    }

    /** The ids of the request's instructions that await a confirmation, one process branch each. */
    public List<String> openIds(String requestId) {
        return jdbc.sql("""
                SELECT id FROM processor_instruction WHERE request_id = :requestId AND outcome IS NULL ORDER BY source_name
                """).param("requestId", requestId).query(String.class).list();
    }

    /** Mails the processor a reminder of the instruction, once. */
    @Transactional
    public void remind(String instructionId) {
        Instruction instruction = get(instructionId);
        DsarRequest request = requests.get(instruction.requestId());
        InstructionMail processor = catalogue.source(instruction.sourceName()).instructionMail();
        Map<String, Object> model = new HashMap<>();
        model.put("reference", request.reference());
        model.put("processorName", instruction.processorName());
        model.put("kind", instruction.kind());
        model.put("sentDate", instruction.sentAt().atZone(ZoneOffset.UTC).toLocalDate().toString());
        model.put("company", properties.companyName());
        model.put("contact", properties.contact());
        mail.send(new OutgoingMail(request.id() + ":processor-reminder:" + instruction.sourceName(), request.id(),
                processor.contact(), "processor-instruction-reminder", processor.locale(), model));
        jdbc.sql("UPDATE processor_instruction SET reminded_at = :at WHERE id = :id AND reminded_at IS NULL")
                .param("at", Timestamp.from(clock.instant())).param("id", instructionId).update();
        events.record(request.id(), "PROCESSOR_REMINDED", "source=" + instruction.sourceName());
    }

    /**
     * Records what the processor answered (or that the DPO proceeds without its answer) as evidence, and adds it to
     * what the response tells the requester.
     */
    @Transactional
    public void record(String instructionId, Outcome outcome, String note, String recordedBy) {
        Instruction instruction = get(instructionId);
        jdbc.sql("""
                UPDATE processor_instruction SET outcome = :outcome, confirmation_note = :note, confirmed_by = :by,
                    recorded_at = :at
                WHERE id = :id
                """)
                .param("outcome", outcome.name()).param("note", note).param("by", recordedBy)
                .param("at", Timestamp.from(clock.instant())).param("id", instructionId).update();
        String date = clock.instant().atZone(ZoneOffset.UTC).toLocalDate().toString();
        outcomes.append(instruction.requestId(), outcome == Outcome.CONFIRMED
                ? "Confirmed by " + instruction.processorName() + " (our processor) on " + date + ": "
                        + instruction.kind() + " carried out"
                : "Instructed " + instruction.processorName() + " (our processor) on "
                        + instruction.sentAt().atZone(ZoneOffset.UTC).toLocalDate() + " to carry out the "
                        + instruction.kind() + "; no confirmation received yet");
        events.record(instruction.requestId(), "PROCESSOR_CONFIRMATION_RECORDED",
                "source=" + instruction.sourceName() + " outcome=" + outcome);
    }

    /** The instructions of a request, for the case file. */
    public List<Instruction> of(String requestId) {
        return jdbc.sql("SELECT * FROM processor_instruction WHERE request_id = :requestId ORDER BY source_name")
                .param("requestId", requestId).query(ProcessorInstructions::instruction).list();
    }

    /** One instruction to a processor and what came of it. */
    public record Instruction(String id, String requestId, String sourceName, String processorName, String kind,
            Instant sentAt, String outcome, String confirmedBy) {
    }

    private Instruction get(String instructionId) {
        return jdbc.sql("SELECT * FROM processor_instruction WHERE id = :id").param("id", instructionId)
                .query(ProcessorInstructions::instruction).single();
    }

    private static Instruction instruction(ResultSet rs, int row) throws SQLException {
        return new Instruction(rs.getString("id"), rs.getString("request_id"), rs.getString("source_name"),
                rs.getString("processor_name"), rs.getString("change_kind"), rs.getTimestamp("sent_at").toInstant(),
                rs.getString("outcome"), rs.getString("confirmed_by"));
    }

    /** An erasure is not passed on to a processor while a legal hold keeps the source for the subject. */
    private boolean heldFromErasure(DsarRequest request, Source source) {
        return request.type() == RequestType.ERASURE && holds.keeps(request.id(), source.name(),
                new ErasureAction(source.name(), null, null, null, null, null, null, null)).isPresent();
    }

    private void record(String requestId, String sourceName, String processorName, String kind) {
        boolean recorded = jdbc.sql("""
                SELECT COUNT(*) FROM processor_instruction WHERE request_id = :requestId AND source_name = :source
                """).param("requestId", requestId).param("source", sourceName).query(Integer.class).single() > 0;
        if (!recorded) {
            jdbc.sql("""
                    INSERT INTO processor_instruction (id, request_id, source_name, processor_name, change_kind, sent_at)
                    VALUES (:id, :requestId, :source, :processor, :kind, :at)
                    """)
                    .param("id", UUID.randomUUID().toString())
                    .param("requestId", requestId)
                    .param("source", sourceName)
                    .param("processor", processorName)
                    .param("kind", kind)
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
        }
    }
}
