package org.harmony.dsar.lookup;

import java.math.BigDecimal;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.harmony.dsar.lookup.DataSourceCatalogue.Source;
import org.harmony.dsar.lookup.DataSourceCatalogue.SourceType;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Reads what one source holds on a subject, record by record, so that any number of records passes through
 * bounded memory. Resolves keyed sources first (orders by the customer ids found in accounts). Secrets
 * (passwords, full card numbers, SSNs, licence numbers) never leave this class, whatever a query selects.
 */
@Component
public class SourceReader {

    private static final Pattern SECRET_COLUMN = Pattern.compile(
            "(?i).*(password|passwd|secret|card_number|cardnumber|cvv|cvc|ssn|social_security|licen[cs]e).*|(.*_)?pan(_.*)?");

    private final DataSourceCatalogue catalogue;
    private final SourceConnections connections;
    private final HttpSources http;
    private final ObjectMapper json;

    SourceReader(DataSourceCatalogue catalogue, SourceConnections connections, HttpSources http, ObjectMapper json) {
        this.catalogue = catalogue;
        this.connections = connections;
        this.http = http;
        this.json = json;
    }

    /** Streams the subject's records in the source to {@code records}; returns how many there were. */
    public long read(Source source, SubjectParameters subject, Consumer<Map<String, Object>> records) {
        SubjectParameters parameters = keyed(source, subject);
        if (parameters == null) {
            return 0;
        }
        long[] count = {0};
        readRaw(source, parameters, row -> {
            records.accept(withoutSecrets(row));
            count[0]++;
        });
        return count[0];
    }

    /**
     * The parameters with the keys another source provides, or null when that source found no keys (then this
     * source has nothing on the subject either).
     */
    public SubjectParameters keyed(Source source, SubjectParameters subject) {
        if (source.keyedBy() == null) {
            return subject;
        }
        Source keySource = catalogue.source(source.keyedBy().source());
        SubjectParameters keyParameters = keyed(keySource, subject);
        if (keyParameters == null) {
            return null;
        }
        Set<Object> keys = new LinkedHashSet<>();
        readRaw(keySource, keyParameters, row -> {
            Object key = row.get(source.keyedBy().column().toLowerCase());
            if (key != null) {
                keys.add(key);
            }
        });
        return keys.isEmpty() ? null : subject.with(source.keyedBy().parameter(), keys);
    }

    private void readRaw(Source source, SubjectParameters parameters, Consumer<Map<String, Object>> rows) {
        if (source.type() == SourceType.HTTP) {
            readHttp(source, parameters, rows);
            return;
        }
        connections.jdbc(source.connection()).query(source.query(), parameters, rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(JdbcUtils.lookupColumnName(meta, i).toLowerCase(), portable(JdbcUtils.getResultSetValue(rs, i)));
            }
            rows.accept(row);
        });
    }

    private void readHttp(Source source, SubjectParameters parameters, Consumer<Map<String, Object>> rows) {
        http.read(source, source.http().url(), urlVariables(parameters), record -> {
            Map<String, Object> row = new LinkedHashMap<>();
            json.convertValue(record, Map.class).forEach((key, value) ->
                    row.put(String.valueOf(key).toLowerCase(), value));
            rows.accept(row);
        });
    }

    /** The subject's parameters as URL template variables: lists joined by commas, null as empty. */
    public static Map<String, Object> urlVariables(SubjectParameters parameters) {
        Map<String, Object> variables = new LinkedHashMap<>();
        parameters.asMap().forEach((name, value) -> variables.put(name, value instanceof Collection<?> values
                ? String.join(",", values.stream().map(String::valueOf).toList()) : value == null ? "" : value));
        return variables;
    }

    static Map<String, Object> withoutSecrets(Map<String, Object> row) {
        Map<String, Object> clean = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            if (!SECRET_COLUMN.matcher(column).matches()) {
                clean.put(column, value);
            }
        });
        return clean;
    }

    /** Database values as plain JSON values, the same on H2 and PostgreSQL. */
    static Object portable(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.toInstant().toString();
        }
        if (value instanceof TemporalAccessor temporal) {
            return temporal.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof java.sql.Array array) {
            try {
                return new ArrayList<>(List.of((Object[]) array.getArray()));
            } catch (java.sql.SQLException e) {
                return null;
            }
        }
        return value;
    }
}
