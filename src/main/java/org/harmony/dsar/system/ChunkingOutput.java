package org.harmony.dsar.system;

import java.io.OutputStream;

/**
 * Collects what is written into a buffer of one chunk and hands each full chunk to {@link #sendChunk}, so a store
 * holds one chunk in memory however large the file. What is left at the end is the subclass's to send.
 */
abstract class ChunkingOutput extends OutputStream {

    protected final byte[] buffer;
    /** Bytes of the buffer not yet sent. */
    protected int filled;
    /** Bytes written in all. */
    protected long written;

    ChunkingOutput(int chunkSize) {
        this.buffer = new byte[chunkSize];
    }

    /** Sends the first {@link #filled} bytes of the buffer and sets {@code filled} to 0. */
    protected abstract void sendChunk();

    @Override
    public void write(int b) {
        if (filled == buffer.length) {
            sendChunk();
        }
        buffer[filled++] = (byte) b;
        written++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        while (length > 0) {
            if (filled == buffer.length) {
                sendChunk();
            }
            int n = Math.min(length, buffer.length - filled);
            System.arraycopy(bytes, offset, buffer, filled, n);
            filled += n;
            offset += n;
            length -= n;
            written += n;
        }
    }
}
