package org.harmony.dsar.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmony.dsar.kernel.RequestFiles;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Request files in the database every node uses: a row per file and its content in rows of
 * {@code dsar.storage.chunk-size}, written and read one row at a time. Writes and deletes take part in the caller's
 * transaction, so a file goes with the rows that point to it. The default.
 */
@Component
@ConditionalOnProperty(prefix = "dsar.storage", name = "type", havingValue = "database", matchIfMissing = true)
class DatabaseRequestFiles implements RequestFiles {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int chunkSize;

    DatabaseRequestFiles(JdbcClient jdbc, Clock clock, StorageProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.chunkSize = Math.toIntExact(properties.chunkSize().toBytes());
    }

    @Override
    public long write(String requestId, String name, Content content) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO request_file (id, request_id, name, created_at) VALUES (:id, :requestId, :name, :now)")
                .param("id", id).param("requestId", requestId).param("name", name)
                .param("now", Timestamp.from(clock.instant())).update();
        long size;
        try (ChunkOutput out = new ChunkOutput(id)) {
            content.writeTo(out);
            out.close();
            size = out.written;
        } catch (IOException | RuntimeException e) {
            jdbc.sql("DELETE FROM request_file WHERE id = :id").param("id", id).update();
            throw e instanceof IOException io ? new UncheckedIOException("File " + name + " was not written", io)
                    : (RuntimeException) e;
        }
        jdbc.sql("DELETE FROM request_file WHERE request_id = :requestId AND name = :name AND id <> :id")
                .param("requestId", requestId).param("name", name).param("id", id).update();
        jdbc.sql("UPDATE request_file SET size_bytes = :size, written_at = :now WHERE id = :id")
                .param("size", size).param("now", Timestamp.from(clock.instant())).param("id", id).update();
        return size;
    }

    @Override
    public InputStream open(String requestId, String name) {
        Stored file = find(requestId, name).orElseThrow(() -> new Missing(requestId, name));
        return new ChunkInput(file);
    }

    @Override
    public boolean exists(String requestId, String name) {
        return find(requestId, name).isPresent();
    }

    @Override
    public void delete(String requestId, String name) {
        jdbc.sql("DELETE FROM request_file WHERE request_id = :requestId AND name = :name")
                .param("requestId", requestId).param("name", name).update();
    }

    @Override
    public void deleteAll(String requestId, String namePrefix) {
        jdbc.sql("DELETE FROM request_file WHERE request_id = :requestId AND name LIKE :prefix")
                .param("requestId", requestId).param("prefix", namePrefix + "%").update();
    }

    @Override
    public List<StoredFile> list(String namePrefix) {
        return jdbc.sql("SELECT request_id, name, created_at FROM request_file WHERE name LIKE :prefix")
                .param("prefix", namePrefix + "%")
                .query((rs, row) -> new StoredFile(rs.getString("request_id"), rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private Optional<Stored> find(String requestId, String name) {
        return jdbc.sql("""
                SELECT id, size_bytes FROM request_file
                WHERE request_id = :requestId AND name = :name AND written_at IS NOT NULL
                ORDER BY written_at DESC
                """).param("requestId", requestId).param("name", name)
                .query((rs, row) -> new Stored(rs.getString("id"), rs.getLong("size_bytes")))
                .list().stream().findFirst();
    }

    private record Stored(String id, long size) {
    }

    /** Inserts each chunk as a row. */
    private final class ChunkOutput extends ChunkingOutput {
        private final String fileId;
        private int seq;
        private boolean closed;

        ChunkOutput(String fileId) {
            super(chunkSize);
            this.fileId = fileId;
        }

        @Override
        public void close() {
            if (!closed && filled > 0) {
                sendChunk();
            }
            closed = true;
        }

        @Override
        protected void sendChunk() {
            byte[] chunk = filled == buffer.length ? buffer : Arrays.copyOf(buffer, filled);
            jdbc.sql("INSERT INTO request_file_chunk (file_id, seq, data) VALUES (:id, :seq, :data)")
                    .param("id", fileId).param("seq", seq++).param("data", chunk).update();
            filled = 0;
        }
    }

    /** Reads one chunk row at a time, each in a statement of its own, so no connection is held between reads. */
    private final class ChunkInput extends InputStream {
        private final Stored file;
        private byte[] chunk = new byte[0];
        private int position;
        private int seq;
        private long read;

        ChunkInput(Stored file) {
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            read++;
            return chunk[position++] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, bytes, offset, n);
            position += n;
            read += n;
            return n;
        }

        private boolean fill() throws IOException {
            while (position == chunk.length) {
                if (read >= file.size()) {
                    return false;
                }
                Optional<byte[]> next = jdbc.sql("SELECT data FROM request_file_chunk WHERE file_id = :id AND seq = :seq")
                        .param("id", file.id()).param("seq", seq++).query((rs, row) -> rs.getBytes("data"))
                        .optional();
                if (next.isEmpty()) {
                    throw new IOException("The file was deleted while it was read");
                }
                chunk = next.get();
                position = 0;
            }
            return true;
        }
    }
}
