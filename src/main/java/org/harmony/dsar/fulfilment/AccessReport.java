package org.harmony.dsar.fulfilment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.harmony.dsar.lookup.LookupResult;
import org.harmony.dsar.lookup.SubjectDataLookup;
import org.harmony.dsar.request.DsarRequest;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The package's readable HTML report: the GDPR Art 15(1) information and the CCPA categories per source, with the
 * first records of each source; the data files hold them all.
 */
@Component
class AccessReport {

    private final SubjectDataLookup lookup;
    private final ITemplateEngine templates;
    private final FulfilmentProperties properties;

    AccessReport(SubjectDataLookup lookup, ITemplateEngine templates, FulfilmentProperties properties) {
        this.lookup = lookup;
        this.templates = templates;
        this.properties = properties;
    }

    /** Writes the report to the stream and leaves it open. */
    void write(DsarRequest request, List<LookupResult> results, boolean categoriesOnly, Instant now,
            OutputStream out) throws IOException {
        Writer report = new OutputStreamWriter(new KeepOpen(out), StandardCharsets.UTF_8);
        templates.process("access-report", context(request, results, categoriesOnly, now), report);
        report.flush();
    }

    private Context context(DsarRequest request, List<LookupResult> results, boolean categoriesOnly, Instant now) {
        Context context = new Context(request.language());
        context.setVariable("reference", request.reference());
        context.setVariable("fullName", request.fullName());
        context.setVariable("requestType", request.type().description());
        context.setVariable("law", request.jurisdiction().law());
        context.setVariable("generatedAt", now.atZone(request.jurisdiction().zone()).toLocalDate());
        context.setVariable("company", properties.companyName());
        context.setVariable("contact", properties.contact());
        context.setVariable("categoriesOnly", categoriesOnly);
        context.setVariable("results", results.stream()
                .filter(result -> !categoriesOnly || result.recordCount() > 0)
                .map(result -> categoriesOnly ? new ReportSource(result, List.of(), List.of()) : source(result))
                .toList());
        return context;
    }

    private ReportSource source(LookupResult result) {
        List<Map<String, Object>> shown = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        int limit = properties.reportRecordLimit();
        lookup.forEachRecord(result, record -> {
            if (shown.size() < limit) {
                shown.add(record);
                columns.addAll(record.keySet());
            }
        });
        return new ReportSource(result, List.copyOf(columns), shown);
    }

    /**
     * One source in the report: its first records (at most the configured limit) with their columns; the report
     * says when there are more, which are all in the data files.
     */
    public record ReportSource(LookupResult result, List<String> columns, List<Map<String, Object>> records) {
        public boolean truncated() {
            return result.recordCount() > records.size();
        }
    }
}
