package org.harmony.dsar.journey;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of the test SMTP server that fails in the middle of a conversation: once the given number of
 * mails has been handed over, it cuts the connection at the next {@code MAIL FROM} and refuses every connection
 * until {@link #restore()}. The server itself stays untouched for the other journeys.
 */
final class SmtpOutageProxy implements AutoCloseable {

    private final int targetPort;
    private final ServerSocket listener;
    private final AtomicInteger mailsLeft;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    SmtpOutageProxy(int targetPort, int mailsBeforeOutage) {
        this.targetPort = targetPort;
        this.mailsLeft = new AtomicInteger(mailsBeforeOutage);
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "smtp-outage-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    boolean isDown() {
        return down;
    }

    void restore() {
        down = false;
        mailsLeft.set(Integer.MAX_VALUE);
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (down) {
                    client.close();
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(server);
                start(() -> forwardCommands(client, server));
                start(() -> forward(server, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Client to server, line by line, cutting both sockets at the MAIL FROM beyond the allowance. */
    private void forwardCommands(Socket client, Socket server) {
        try (InputStream in = new BufferedInputStream(client.getInputStream());
                OutputStream out = server.getOutputStream()) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                line.write(b);
                if (b != '\n') {
                    continue;
                }
                String text = line.toString(StandardCharsets.US_ASCII);
                if (text.regionMatches(true, 0, "MAIL FROM:", 0, 10) && mailsLeft.getAndDecrement() <= 0) {
                    down = true;
                    return;
                }
                out.write(line.toByteArray());
                out.flush();
                line.reset();
            }
        } catch (IOException e) {
            // the connection was closed by either side
        } finally {
            closeBoth(client, server);
        }
    }

    private static void forward(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // the connection was closed by either side
        } finally {
            closeBoth(from, to);
        }
    }

    private static void closeBoth(Socket a, Socket b) {
        try {
            a.close();
            b.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void start(Runnable pump) {
        Thread thread = new Thread(pump, "smtp-outage-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }
}
