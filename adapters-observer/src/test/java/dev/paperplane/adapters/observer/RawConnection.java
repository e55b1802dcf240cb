package dev.paperplane.adapters.observer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One TCP connection to an observer on 127.0.0.1, written and read byte for byte, for what java.net.http hides:
 * connection reuse, half-sent requests, raw methods and versions. Every read waits at most {@link #WAIT_MILLIS}.
 */
final class RawConnection implements AutoCloseable {
    /** The bound on every wait for the server: generous, so a slow machine does not fail a test. */
    static final int WAIT_MILLIS = 20_000;

    private final Socket socket;
    private final InputStream in;

    RawConnection(int port) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(WAIT_MILLIS);
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} as ISO-8859-1 bytes. */
    RawConnection send(String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether writing {@code text} still works; false once the server closed the connection. */
    boolean trySend(String text) {
        try {
            send(text);
            return true;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** Sends a bodiless HTTP/1.1 request and reads its response. */
    String request(String method, String target, String... headerLines) {
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        return send(request.append("\r\n").toString()).response();
    }

    /** Reads one response: its head, and its body by Content-Length or chunked (a HEAD answer must not be read). */
    String response() {
        try {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new AssertionError("the connection ended before a whole response head: " + head);
                }
                head.append((char) b);
            }
            Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
            if (length.find()) {
                return head + new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);
            }
            if (Pattern.compile("(?i)transfer-encoding: *chunked").matcher(head).find()) {
                return head + chunkedBody();
            }
            return head.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String chunkedBody() throws IOException {
        StringBuilder body = new StringBuilder();
        while (true) {
            int size = Integer.parseInt(line(), 16);
            body.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
            line();
            if (size == 0) {
                return body.toString();
            }
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        while (!line.toString().endsWith("\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("the connection ended inside a chunked body");
            }
            line.append((char) b);
        }
        return line.substring(0, line.length() - 2);
    }

    /**
     * Whether the server closes the connection without sending anything more: end of stream or a reset within
     * {@link #WAIT_MILLIS}. Throws if the server sends bytes or the wait ends first (the connection stayed open).
     */
    boolean closedByServer() {
        try {
            int b = in.read();
            if (b >= 0) {
                throw new AssertionError("the server sent more bytes instead of closing: " + (char) b);
            }
            return true;
        } catch (SocketException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code bytes} one byte at a time, {@code pauseMillis} apart, as a slow client would, until the server
     * closes the connection; returns whether it did before all bytes were sent.
     */
    boolean closedWhileTrickling(String bytes, int pauseMillis) {
        try {
            socket.setSoTimeout(pauseMillis);
            for (char c : bytes.toCharArray()) {
                if (!trySend(String.valueOf(c))) {
                    return true;
                }
                try {
                    if (in.read() < 0) {
                        return true;
                    }
                    throw new AssertionError("the server answered a request whose headers never ended");
                } catch (java.net.SocketTimeoutException e) {
                    // still open: send the next byte
                } catch (SocketException e) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
