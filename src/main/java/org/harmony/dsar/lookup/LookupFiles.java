package org.harmony.dsar.lookup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * The records a lookup found, one JSON object per line in a file per request and source: written and read as a
 * stream, so that a subject with 100,000 records needs no more memory than one with ten.
 */
@Component
class LookupFiles {

    private static final TypeReference<Map<String, Object>> RECORD = new TypeReference<>() { };

    private final Path root;
    private final ObjectMapper json;

    LookupFiles(CatalogueProperties properties, ObjectMapper json) {
        this.root = properties.recordsDir().toAbsolutePath().normalize();
        this.json = json;
    }

    Path file(String requestId, String sourceName) {
        return root.resolve(requestId).resolve(sourceName + ".jsonl");
    }

    /** Writes the records that {@code producer} emits; returns how many. */
    long write(Path file, Consumer<Consumer<Map<String, Object>>> producer) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            long[] count = {0};
            try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                producer.accept(record -> {
                    try {
                        out.write(json.writeValueAsString(record));
                        out.write('\n');
                        count[0]++;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return count[0];
        } catch (IOException e) {
            throw new UncheckedIOException("Lookup records could not be written to " + file, e);
        }
    }

    void forEach(Path file, Consumer<Map<String, Object>> records) {
        if (!Files.exists(file)) {
            return;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    records.accept(json.readValue(line, RECORD));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Lookup records could not be read from " + file, e);
        }
    }

    /** The requests that have lookup files on this node. */
    Set<String> requestIds() {
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString())
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException("Lookup records directory could not be listed", e);
        }
    }

    /** Removes every lookup file of the request. */
    void deleteAll(String requestId) {
        Path dir = root.resolve(requestId);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Lookup files of a request could not be removed", e);
        }
    }
}
