package org.harmony.dsar.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * Files a request makes (lookup records, access packages), where every node of a cluster reads them: in the database
 * by default ({@code DatabaseRequestFiles}), in an S3-compatible bucket ({@code S3RequestFiles}), in a directory for
 * a single node ({@code DirectoryRequestFiles}).
 * Written and read as streams, never whole in memory. A file is named within its request.
 */
public interface RequestFiles {

    /** Writes the file, replacing one of the same name once complete; its size in bytes. */
    long write(String requestId, String name, Content content);

    /** The file's content as a stream the caller closes; {@link Missing} when there is no such file. */
    InputStream open(String requestId, String name);

    boolean exists(String requestId, String name);

    /** Deletes the file; with the surrounding transaction, when there is one. */
    void delete(String requestId, String name);

    /** Deletes the request's files whose names start with the prefix; with the surrounding transaction, if any. */
    void deleteAll(String requestId, String namePrefix);

    /** Every stored file whose name starts with the prefix, complete or being written. */
    List<StoredFile> list(String namePrefix);

    /** Writes a file's content to the stream it is given (which it need not close). */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    record StoredFile(String requestId, String name, Instant createdAt) {
    }

    /** There is no such file (never written, or deleted). */
    class Missing extends IllegalStateException {
        public Missing(String requestId, String name) {
            super("File " + name + " of request " + requestId + " is not stored");
        }
    }
}
