package org.harmony.dsar.fulfilment;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** RFC 4180 CSV of a source's records; cells that a spreadsheet would run as a formula are neutralised. */
public final class Csv {

    private Csv() {
    }

    public static String of(List<Map<String, Object>> records) {
        Set<String> columns = new LinkedHashSet<>();
        records.forEach(record -> columns.addAll(record.keySet()));
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(",", columns.stream().map(Csv::cell).toList())).append("\r\n");
        for (Map<String, Object> record : records) {
            csv.append(String.join(",", columns.stream().map(c -> cell(record.get(c))).toList())).append("\r\n");
        }
        return csv.toString();
    }

    /** The header line of the given columns. */
    public static String header(Collection<String> columns) {
        return String.join(",", columns.stream().map(Csv::cell).toList()) + "\r\n";
    }

    /** One record as a line, in the order of the given columns. */
    public static String row(Collection<String> columns, Map<String, Object> record) {
        return String.join(",", columns.stream().map(c -> cell(record.get(c))).toList()) + "\r\n";
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
