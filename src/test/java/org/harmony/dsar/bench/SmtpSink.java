package org.harmony.dsar.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal SMTP server for the benchmark: it speaks enough SMTP for JavaMail (EHLO, MAIL, RCPT, DATA, RSET, NOOP,
 * QUIT), accepts every message, counts it and its bytes, and keeps nothing unless made {@link #capturing()}, when it
 * queues each message's raw text for the benchmark to read. GreenMail, the tests' server, delivers
 * one message at a time and creates a mailbox per new address, a cost that grows with every address: at 100,000
 * distinct recipients it, not the sender, sets the pace.
 */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket listener;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "smtp-sink");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Queue<String> captured;

    /** A sink that keeps nothing. */
    SmtpSink() {
        this(false);
    }

    /** A sink that queues every message it accepts, for {@link #take()}. */
    static SmtpSink capturing() {
        return new SmtpSink(true);
    }

    private SmtpSink(boolean capture) {
        this.captured = capture ? new ConcurrentLinkedQueue<>() : null;
        try {
            listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connections.execute(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    long messages() {
        return messages.get();
    }

    long bytes() {
        return bytes.get();
    }

    /** The messages accepted since the last call, as sent (headers, a blank line, the body); empty unless capturing. */
    List<String> take() {
        List<String> messages = new ArrayList<>();
        String message;
        while (captured != null && (message = captured.poll()) != null) {
            messages.add(message);
        }
        return messages;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        connections.shutdownNow();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                connections.execute(() -> converse(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 65_536);
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 sink ESMTP");
            String line;
            while ((line = readLine(in)) != null) {
                String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 sink");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        long size = 0;
                        StringBuilder message = captured == null ? null : new StringBuilder(8192);
                        String data;
                        while ((data = readLine(in)) != null && !data.equals(".")) {
                            size += data.length() + 2;
                            if (message != null) {
                                // SMTP doubles a leading dot (RFC 5321 4.5.2); undone here
                                message.append(data.startsWith("..") ? data.substring(1) : data).append("\r\n");
                            }
                        }
                        if (message != null) {
                            captured.add(message.toString());
                        }
                        messages.incrementAndGet();
                        bytes.addAndGet(size);
                        reply(out, "250 accepted");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
        return line.length() == 0 ? null : line.toString();
    }

    private static void reply(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
