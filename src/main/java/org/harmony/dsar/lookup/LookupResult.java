package org.harmony.dsar.lookup;

import org.harmony.dsar.lookup.DataSourceCatalogue.Source;

/**
 * What one source held on the subject at the last lookup: how many records and how long the lookup took. The
 * records themselves are in a request file ({@code recordsFile}: request id / name), read with
 * {@link SubjectDataLookup#forEachRecord}.
 */
public record LookupResult(Source source, long recordCount, long durationMillis, String recordsFile) {
}
