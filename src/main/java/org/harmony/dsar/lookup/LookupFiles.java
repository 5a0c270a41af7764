package org.harmony.dsar.lookup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.harmony.dsar.kernel.RequestFiles;
import org.springframework.stereotype.Component;

/**
 * The records a lookup found, one JSON object per line in a file per request and source ({@link RequestFiles}, where
 * every node reads them): written and read as a stream, so that a subject with 100,000 records needs no more memory
 * than one with ten. A file is known by its key, {@code <request id>/lookup-<source>.jsonl}.
 */
@Component
class LookupFiles {

    private static final TypeReference<Map<String, Object>> RECORD = new TypeReference<>() { };
    private static final String PREFIX = "lookup-";

    private final RequestFiles files;
    private final ObjectMapper json;

    LookupFiles(RequestFiles files, ObjectMapper json) {
        this.files = files;
        this.json = json;
    }

    String file(String requestId, String sourceName) {
        return requestId + "/" + PREFIX + sourceName + ".jsonl";
    }

    /** Writes the records that {@code producer} emits; returns how many. */
    long write(String file, Consumer<Consumer<Map<String, Object>>> producer) {
        long[] count = {0};
        files.write(requestOf(file), nameOf(file), out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            producer.accept(record -> {
                try {
                    writer.write(json.writeValueAsString(record));
                    writer.write('\n');
                    count[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        });
        return count[0];
    }

    void forEach(String file, Consumer<Map<String, Object>> records) {
        if (!files.exists(requestOf(file), nameOf(file))) {
            return;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(files.open(requestOf(file), nameOf(file)),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    records.accept(json.readValue(line, RECORD));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Lookup records could not be read from " + file, e);
        }
    }

    /** The requests that have lookup files. */
    Set<String> requestIds() {
        return files.list(PREFIX).stream().map(RequestFiles.StoredFile::requestId).collect(Collectors.toSet());
    }

    /** Removes every lookup file of the request, with the surrounding transaction. */
    void deleteAll(String requestId) {
        files.deleteAll(requestId, PREFIX);
    }

    private static String requestOf(String file) {
        return file.substring(0, file.indexOf('/'));
    }

    private static String nameOf(String file) {
        return file.substring(file.indexOf('/') + 1);
    }
}
