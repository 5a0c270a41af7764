package org.harmony.dsar.accountability.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.harmony.dsar.accountability.CcpaMetrics;
import org.harmony.dsar.accountability.ReportingPeriod;
import org.harmony.dsar.accountability.RequestRegister;
import org.harmony.dsar.fulfilment.Csv;
import org.harmony.dsar.kernel.web.ApiProblem;
import org.harmony.dsar.request.Jurisdiction;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports for compliance officers and the DPO ({@code system.StaffSecurity}): the CCPA 7102 metrics, the request
 * register and a request's audit trail. {@code format=csv} gives a spreadsheet-safe CSV instead of JSON.
 */
@RestController
class AccountabilityController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final List<String> METRICS_COLUMNS = List.of("from", "to", "jurisdiction", "category", "received",
            "compliedInWholeOrInPart", "denied", "medianDaysToRespond", "meanDaysToRespond");
    private static final List<String> REGISTER_COLUMNS = List.of("reference", "channel", "type", "jurisdiction",
            "receivedAt", "verifiedAt", "identityVerifiedAt", "dueAt", "extendedAt", "answeredAt", "outcome",
            "reasonCodes");

    private final CcpaMetrics metrics;
    private final RequestRegister register;
    private final JdbcClient jdbc;
    private final Clock clock;

    AccountabilityController(CcpaMetrics metrics, RequestRegister register, JdbcClient jdbc, Clock clock) {
        this.metrics = metrics;
        this.register = register;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** 11 CCR 7102 metrics of the period (default: the previous calendar year), per jurisdiction. */
    @GetMapping("/api/reports/ccpa-metrics")
    ResponseEntity<?> ccpaMetrics(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String jurisdiction, @RequestParam(defaultValue = "json") String format) {
        ReportingPeriod period = ReportingPeriod.of(from, to, LocalDate.now(clock));
        CcpaMetrics.Report report = metrics.report(period, jurisdiction(jurisdiction));
        if (!csv(format)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        }
        return csv("ccpa-metrics-" + period.from() + "-" + period.to(), METRICS_COLUMNS, report.lines().stream().map(line -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("from", report.from());
            row.put("to", report.to());
            row.put("jurisdiction", line.jurisdiction());
            row.put("category", line.category().name());
            row.put("received", line.received());
            row.put("compliedInWholeOrInPart", line.compliedInWholeOrInPart());
            row.put("denied", line.denied());
            row.put("medianDaysToRespond", line.medianDaysToRespond());
            row.put("meanDaysToRespond", line.meanDaysToRespond());
            return row;
        }).toList());
    }

    /** Every request received in the period (default: the previous calendar year). */
    @GetMapping("/api/reports/register")
    ResponseEntity<?> register(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String jurisdiction, @RequestParam(defaultValue = "json") String format) {
        ReportingPeriod period = ReportingPeriod.of(from, to, LocalDate.now(clock));
        List<RequestRegister.Entry> entries = register.entries(period, jurisdiction(jurisdiction));
        if (!csv(format)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(entries);
        }
        return csv("request-register-" + period.from() + "-" + period.to(), REGISTER_COLUMNS, entries.stream().map(entry -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("reference", entry.reference());
            row.put("channel", entry.channel());
            row.put("type", entry.type().name());
            row.put("jurisdiction", entry.jurisdiction().code());
            row.put("receivedAt", entry.receivedAt());
            row.put("verifiedAt", entry.verifiedAt());
            row.put("identityVerifiedAt", entry.identityVerifiedAt());
            row.put("dueAt", entry.dueAt());
            row.put("extendedAt", entry.extendedAt());
            row.put("answeredAt", entry.answeredAt());
            row.put("outcome", entry.outcome().name());
            row.put("reasonCodes", String.join(" ", entry.reasonCodes()));
            return row;
        }).toList());
    }

    record Event(Instant occurredAt, String type, String detail) {
    }

    /** The request's audit trail, oldest first: what the engine and staff did and decided. */
    @GetMapping(path = "/api/reports/requests/{reference}/events", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Event> events(@PathVariable String reference) {
        List<Event> events = jdbc.sql("""
                SELECT e.occurred_at, e.event_type, e.detail FROM request_event e
                JOIN dsar_request r ON r.id = e.request_id WHERE r.reference = :reference
                ORDER BY e.occurred_at, e.id
                """).param("reference", reference)
                .query((rs, n) -> new Event(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)))
                .list();
        if (events.isEmpty()) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "unknown-request", "No such request",
                    "No request has this reference.");
        }
        return events;
    }

    private static boolean csv(String format) {
        return switch (format) {
            case "json" -> false;
            case "csv" -> true;
            default -> throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-format", "Invalid format",
                    "format is json or csv.");
        };
    }

    private static Jurisdiction jurisdiction(String code) {
        if (code == null) {
            return null;
        }
        return Jurisdiction.fromCode(code).orElseThrow(() -> new ApiProblem(HttpStatus.BAD_REQUEST,
                "invalid-jurisdiction", "Invalid jurisdiction", "jurisdiction is one of EU, UK, US-CA, US-VA, US-CO,"
                + " BR, IN."));
    }

    /** The rows under a header line that is there even when no row is (an empty period). */
    private static ResponseEntity<String> csv(String name, List<String> columns, List<Map<String, Object>> rows) {
        StringBuilder csv = new StringBuilder(Csv.header(columns));
        rows.forEach(row -> csv.append(Csv.row(columns, row)));
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                .body(csv.toString());
    }
}
