package org.harmony.dsar.lookup;

import java.util.List;
import java.util.Map;

/** What one source holds on the subject: its records, column by column, ready for the package. */
public record LookupResult(LookupProperties.Source source, List<Map<String, Object>> records, long durationMillis) {
}
