package org.harmony.dsar.fulfilment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.harmony.dsar.lookup.LookupResult;
import org.harmony.dsar.lookup.SubjectDataLookup;
import org.springframework.stereotype.Component;

/**
 * A source's records in the package's data formats, JSON and CSV, streamed record by record from the lookup files
 * so that memory stays bounded whatever the number of records. The stream is left open.
 */
@Component
class DataFiles {

    private final SubjectDataLookup lookup;
    private final ObjectMapper json;

    DataFiles(SubjectDataLookup lookup, ObjectMapper json) {
        this.lookup = lookup;
        this.json = json;
    }

    void writeJson(LookupResult result, OutputStream out) throws IOException {
        try (JsonGenerator generator = json.getFactory().createGenerator(new KeepOpen(out))) {
            generator.useDefaultPrettyPrinter();
            generator.writeStartArray();
            lookup.forEachRecord(result, record -> {
                try {
                    json.writeValue(generator, record);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            generator.writeEndArray();
        }
    }

    void writeCsv(LookupResult result, OutputStream out) throws IOException {
        Set<String> columns = new LinkedHashSet<>();
        lookup.forEachRecord(result, record -> columns.addAll(record.keySet()));
        Writer csv = new OutputStreamWriter(new KeepOpen(out), StandardCharsets.UTF_8);
        csv.write(Csv.header(columns));
        lookup.forEachRecord(result, record -> {
            try {
                csv.write(Csv.row(columns, record));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }
}
