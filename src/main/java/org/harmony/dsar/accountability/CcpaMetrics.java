package org.harmony.dsar.accountability;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.harmony.dsar.accountability.RequestRegister.Entry;
import org.harmony.dsar.accountability.RequestRegister.Outcome;
import org.harmony.dsar.request.Jurisdiction;
import org.harmony.dsar.request.RequestType;
import org.springframework.stereotype.Component;

/**
 * The figures 11 CCR 7102(a) asks of a business handling the personal information of 10 million or more
 * consumers, for any period and jurisdiction: per kind of request (to know, delete, correct, opt out, limit the use of
 * sensitive personal information) how many were received, complied with in whole or in part, and denied (including
 * those closed because the identity could not be verified), and the median and mean days to a substantive response. Days are calendar days in the
 * jurisdiction's time zone from receipt to the response; requests still open count as received only.
 */
@Component
public class CcpaMetrics {

    /** The kinds of request 7102 counts, and the request types of each. */
    public enum Category {
        KNOW(RequestType.ACCESS, RequestType.PORTABILITY),
        DELETE(RequestType.ERASURE),
        CORRECT(RequestType.RECTIFICATION),
        OPT_OUT(RequestType.OPT_OUT_OF_SALE),
        LIMIT(RequestType.LIMIT_SENSITIVE_USE);

        private final Set<RequestType> types;

        Category(RequestType... types) {
            this.types = Set.of(types);
        }
    }

    /** One line of the report; {@code jurisdiction} is {@code ALL} for the total over every jurisdiction. */
    public record Line(String jurisdiction, Category category, long received, long compliedInWholeOrInPart, long denied,
            Double medianDaysToRespond, Double meanDaysToRespond) {
    }

    public record Report(String from, String to, List<Line> lines) {
    }

    private final RequestRegister register;

    CcpaMetrics(RequestRegister register) {
        this.register = register;
    }

    /** One line per category for the jurisdiction; without one, the totals and then each jurisdiction that had any. */
    public Report report(ReportingPeriod period, Jurisdiction jurisdiction) {
        List<Entry> entries = register.entries(period, jurisdiction);
        List<Line> lines = new ArrayList<>();
        if (jurisdiction != null) {
            lines.addAll(lines(jurisdiction.code(), entries));
        } else {
            lines.addAll(lines("ALL", entries));
            Map<Jurisdiction, List<Entry>> byJurisdiction = entries.stream()
                    .collect(Collectors.groupingBy(Entry::jurisdiction));
            Arrays.stream(Jurisdiction.values()).filter(byJurisdiction::containsKey)
                    .forEach(each -> lines.addAll(lines(each.code(), byJurisdiction.get(each))));
        }
        return new Report(period.from().toString(), period.to().toString(), lines);
    }

    private static List<Line> lines(String jurisdiction, List<Entry> entries) {
        return Arrays.stream(Category.values()).map(category -> {
            List<Entry> ofCategory = entries.stream().filter(entry -> category.types.contains(entry.type())).toList();
            List<Long> days = ofCategory.stream().filter(Entry::ended).filter(entry -> entry.answeredAt() != null)
                    .map(entry -> ChronoUnit.DAYS.between(
                            entry.receivedAt().atZone(entry.jurisdiction().zone()).toLocalDate(),
                            entry.answeredAt().atZone(entry.jurisdiction().zone()).toLocalDate()))
                    .sorted().toList();
            return new Line(jurisdiction, category, ofCategory.size(),
                    count(ofCategory, Outcome.COMPLIED, Outcome.COMPLIED_IN_PART),
                    count(ofCategory, Outcome.DENIED, Outcome.DENIED_UNVERIFIED),
                    median(days), days.isEmpty() ? null
                            : Math.round(days.stream().mapToLong(Long::longValue).average().orElseThrow() * 10) / 10.0);
        }).toList();
    }

    private static long count(List<Entry> entries, Outcome... outcomes) {
        Set<Outcome> wanted = new TreeSet<>(List.of(outcomes));
        return entries.stream().map(Entry::outcome).filter(wanted::contains).filter(Objects::nonNull).count();
    }

    private static Double median(List<Long> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }
}
