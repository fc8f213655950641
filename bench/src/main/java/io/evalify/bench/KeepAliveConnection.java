package io.evalify.bench;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One persistent HTTP/1.1 connection that sends a prepared request and reads the whole answer, for the
 * bench's load generator. The JDK {@code HttpClient} costs so much CPU per request that at S5's 2,000 requests/s
 * on 2 cores it starved the server it was measuring (bench/results/design-measurements.md). This costs one write
 * and usually one read per request. It understands what a server may answer a GET with: {@code Content-Length} or
 * chunked bodies, and {@code Connection: close}. Not thread-safe: one exchange at a time.
 */
final class KeepAliveConnection implements Closeable {

    private static final int MAX_HEADER_LINE = 8_192;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private boolean reusable = true;

    private KeepAliveConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream(), 16_384);
    }

    /** Connects to {@code url}'s host and port; reads time out after {@code timeout}. */
    static KeepAliveConnection open(URI url, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), Math.toIntExact(timeout.toMillis()));
            socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
            return new KeepAliveConnection(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The bytes of {@code GET url} with {@code headers} (name, value, name, value...), sent as is each time. */
    static byte[] getRequest(URI url, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name/value pairs");
        }
        String target = url.getRawQuery() == null ? url.getRawPath() : url.getRawPath() + "?" + url.getRawQuery();
        StringBuilder request = new StringBuilder()
                .append("GET ")
                .append(target.isEmpty() ? "/" : target)
                .append(" HTTP/1.1\r\nHost: ")
                .append(url.getHost())
                .append(':')
                .append(url.getPort())
                .append("\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        return request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Sends {@code request} and reads the answer to its end.
     *
     * @return the status code
     * @throws IOException when the server closes, times out or answers something that is not HTTP/1.1
     */
    int exchange(byte[] request) throws IOException {
        int status = statusCode(sendAndReadStatusLine(request));
        long length = -1;
        boolean chunked = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            if (isHeader(header, "content-length")) {
                length = Long.parseLong(value(header));
            } else if (isHeader(header, "transfer-encoding")) {
                chunked = value(header).equalsIgnoreCase("chunked");
            } else if (isHeader(header, "connection")) {
                reusable = !value(header).equalsIgnoreCase("close");
            }
        }
        if (chunked) {
            skipChunks();
        } else if (length >= 0) {
            in.skipNBytes(length);
        } else {
            reusable = false; // the body runs to the end of the connection
            in.transferTo(OutputStream.nullOutputStream());
        }
        return status;
    }

    /**
     * A kept-alive connection the server had already closed: nothing of the request was processed, so it is
     * safe to send again on a new connection, as HTTP clients do for idempotent requests.
     */
    static final class ClosedByServerException extends IOException {
        ClosedByServerException(IOException cause) {
            super("the server had closed the idle connection", cause);
        }
    }

    private String sendAndReadStatusLine(byte[] request) throws IOException {
        try {
            out.write(request);
            out.flush();
            return line();
        } catch (EOFException | SocketException e) {
            throw new ClosedByServerException(e);
        }
    }

    /** False once the server said it closes the connection. */
    boolean reusable() {
        return reusable && !socket.isClosed();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    private void skipChunks() throws IOException {
        long size;
        while ((size = Long.parseLong(stripExtensions(line()), 16)) > 0) {
            in.skipNBytes(size);
            line(); // the CRLF after the chunk
        }
        while (!line().isEmpty()) {
            // trailers
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
            if (line.length() > MAX_HEADER_LINE) {
                throw new IOException("header line over " + MAX_HEADER_LINE + " bytes");
            }
        }
        return line.toString();
    }

    private static int statusCode(String statusLine) throws IOException {
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + statusLine);
        }
        try {
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("bad status line: " + statusLine, e);
        }
    }

    private static boolean isHeader(String line, String name) {
        return line.length() > name.length()
                && line.charAt(name.length()) == ':'
                && line.regionMatches(true, 0, name, 0, name.length());
    }

    private static String value(String header) {
        return header.substring(header.indexOf(':') + 1).trim();
    }

    private static String stripExtensions(String chunkSize) {
        int semicolon = chunkSize.indexOf(';');
        return (semicolon < 0 ? chunkSize : chunkSize.substring(0, semicolon)).trim();
    }
}
