package org.harmony.dsar.verification;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.harmony.dsar.kernel.Masking;
import org.harmony.dsar.request.DsarRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Compares the data points a requester submitted (and their name) with what the system of record holds about
 * the email address, through the configured reference queries. The result is for scoring and for the masked
 * view of a compliance officer: it never reaches the requester, the API or a process variable.
 */
@Component
public class IdentityMatching {

    static final String FULL_NAME = "fullName";
    private static final int PHONE_DIGITS_COMPARED = 9;
    private static final Pattern TABLE = Pattern.compile("(?i)\\bFROM\\s+([\\w.]+)");

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final VerificationProperties properties;

    IdentityMatching(JdbcClient jdbc, ObjectMapper json, VerificationProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
    }

    public Match match(DsarRequest request) {
        Map<String, String> submitted = new LinkedHashMap<>();
        submitted.put(FULL_NAME, request.fullName());
        submitted.putAll(DataPoints.read(json, request.dataPointsJson()));
        List<Map<String, Object>> records = new ArrayList<>();
        recordedFor(request.email()).forEach(recorded -> records.add(recorded.row()));
        return compare(submitted, records);
    }

    /** What the system of record holds for the email address, row by row, with the table each row came from. */
    public List<Recorded> recordedFor(String email) {
        List<Recorded> recorded = new ArrayList<>();
        for (String query : properties.referenceQueries()) {
            String table = tableOf(query);
            jdbc.sql(query).param("email", email).query().listOfRows()
                    .forEach(row -> recorded.add(new Recorded(table, row)));
        }
        return recorded;
    }

    private static String tableOf(String query) {
        Matcher from = TABLE.matcher(query);
        return from.find() ? from.group(1) : "reference query";
    }

    /** One row the system of record holds about the email address, and its table. */
    public record Recorded(String table, Map<String, Object> row) {

        /** The row's non-empty value in the column that names the data point ({@code customer_number} = customerNumber). */
        public Optional<String> value(String dataPoint) {
            String wanted = key(dataPoint);
            return row.entrySet().stream()
                    .filter(column -> key(column.getKey()).equals(wanted) && column.getValue() != null
                            && !column.getValue().toString().isBlank())
                    .map(column -> column.getValue().toString().strip())
                    .findFirst();
        }
    }

    /** Each submitted point against every value of the same name in the records. */
    static Match compare(Map<String, String> submitted, List<Map<String, Object>> records) {
        List<PointResult> points = new ArrayList<>();
        submitted.forEach((name, value) -> {
            String key = key(name);
            List<String> recorded = records.stream()
                    .flatMap(row -> row.entrySet().stream())
                    .filter(column -> key(column.getKey()).equals(key) && column.getValue() != null)
                    .map(column -> column.getValue().toString())
                    .distinct()
                    .toList();
            String matching = recorded.stream().filter(candidate -> same(key, value, candidate)).findFirst()
                    .orElse(null);
            points.add(new PointResult(name, value, matching != null ? matching
                    : recorded.isEmpty() ? null : recorded.get(0), matching != null));
        });
        return new Match(List.copyOf(points));
    }

    /** Equal after normalising: case, accents' composition, spaces and punctuation ignored; phones by their last digits. */
    static boolean same(String key, String submitted, String recorded) {
        if (submitted == null || recorded == null) {
            return false;
        }
        if (key.contains("phone")) {
            String a = submitted.replaceAll("\\D", "");
            String b = recorded.replaceAll("\\D", "");
            if (a.length() < 6 || b.length() < 6) {
                return false;
            }
            return tail(a).equals(tail(b));
        }
        String a = normalise(submitted);
        return !a.isEmpty() && a.equals(normalise(recorded));
    }

    private static String tail(String digits) {
        return digits.substring(Math.max(0, digits.length() - PHONE_DIGITS_COMPARED));
    }

    static String normalise(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** A data point's or column's name for comparison: {@code customer_number} and {@code customerNumber} agree. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }


    /** One submitted data point: the submitted value, the closest recorded value (null if none), and whether they match. */
    public record PointResult(String name, String submitted, String recorded, boolean matched) {

        /** A line for the compliance officer: values masked, never shown in full. */
        public String masked() {
            String onRecord = recorded == null ? "nothing on record" : "on record " + Masking.mask(recorded);
            return name + ": submitted " + Masking.mask(submitted) + ", " + onRecord + " ("
                    + (matched ? "match" : recorded == null ? "cannot be compared" : "no match") + ")";
        }
    }

    /** The comparison of every submitted data point. */
    public record Match(List<PointResult> points) {

        public int matched() {
            return (int) points.stream().filter(PointResult::matched).count();
        }

        public int submitted() {
            return points.size();
        }

        /** The masked lines for the compliance officer, one per data point. */
        public String maskedComparison() {
            return String.join("\n", points.stream().map(PointResult::masked).toList());
        }
    }
}
