package org.camaudit.scanner.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately small HTTP/1.1 client for talking to devices: one request per connection, a
 * connect timeout, a deadline for the whole exchange (so a body that drips one byte a second
 * still ends on time), and caps on header and body sizes. Devices are hostile input; nothing here
 * trusts a length they announce.
 */
public final class HttpFetcher {

    private static final int MAX_STATUS_LINE = 1024;

    private final int connectTimeoutMillis;
    private final int exchangeTimeoutMillis;
    private final int maxHeaderBytes;
    private final int maxBodyBytes;

    public int connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    public HttpFetcher(int connectTimeoutMillis, int exchangeTimeoutMillis, int maxHeaderBytes, int maxBodyBytes) {
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.exchangeTimeoutMillis = exchangeTimeoutMillis;
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    public HttpResponse get(InetSocketAddress target, String path) throws IOException {
        return exchange(target, "GET", path, Map.of(), null);
    }

    public HttpResponse post(InetSocketAddress target, String path, String contentType, byte[] body) throws IOException {
        return exchange(target, "POST", path, Map.of("Content-Type", contentType), body);
    }

    public HttpResponse exchange(InetSocketAddress target, String method, String path, Map<String, String> headers,
            byte[] body) throws IOException {
        long deadline = System.nanoTime() + exchangeTimeoutMillis * 1_000_000L;
        try (Socket socket = new Socket(Proxy.NO_PROXY)) {
            socket.setTcpNoDelay(true);
            socket.connect(target, Math.min(connectTimeoutMillis, exchangeTimeoutMillis));
            StringBuilder request = new StringBuilder(256);
            request.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
            request.append("Host: ").append(hostHeader(target)).append("\r\n");
            request.append("User-Agent: camaudit-scanner\r\n");
            request.append("Accept: */*\r\n");
            request.append("Connection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                request.append("Content-Length: ").append(body.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            DeadlineInput in = new DeadlineInput(socket, deadline);
            return read(in, method);
        }
    }

    private static String hostHeader(InetSocketAddress target) {
        String host = target.getAddress() != null ? target.getAddress().getHostAddress() : target.getHostString();
        return target.getPort() == 80 ? host : host + ":" + target.getPort();
    }

    private HttpResponse read(DeadlineInput in, String method) throws IOException {
        String statusLine = in.readLine(MAX_STATUS_LINE);
        if (statusLine == null || !statusLine.startsWith("HTTP/")) {
            throw new IOException("not an HTTP response");
        }
        String[] parts = statusLine.split(" ", 3);
        int status;
        try {
            status = Integer.parseInt(parts.length > 1 ? parts[1].trim() : "");
        } catch (NumberFormatException e) {
            throw new IOException("bad HTTP status line");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int headerBytes = 0;
        while (true) {
            String line = in.readLine(maxHeaderBytes);
            if (line == null) {
                throw new IOException("connection closed inside the headers");
            }
            headerBytes += line.length() + 2;
            if (headerBytes > maxHeaderBytes) {
                throw new IOException("headers exceed " + maxHeaderBytes + " bytes");
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                headers.computeIfAbsent(name, n -> new ArrayList<>()).add(line.substring(colon + 1).trim());
            }
        }
        if (method.equals("HEAD") || status == 204 || status == 304 || (status >= 100 && status < 200)) {
            return new HttpResponse(status, headers, new byte[0], false);
        }
        BodyBuffer buffer = new BodyBuffer(maxBodyBytes);
        String transferEncoding = first(headers, "transfer-encoding");
        String contentLength = first(headers, "content-length");
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            readChunked(in, buffer);
        } else if (contentLength != null) {
            long length;
            try {
                length = Long.parseLong(contentLength.trim());
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length");
            }
            in.copy(buffer, length);
        } else {
            in.copy(buffer, Long.MAX_VALUE);
        }
        return new HttpResponse(status, headers, buffer.toByteArray(), buffer.truncated());
    }

    private void readChunked(DeadlineInput in, BodyBuffer buffer) throws IOException {
        while (!buffer.truncated()) {
            String sizeLine = in.readLine(256);
            if (sizeLine == null) {
                return;
            }
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size");
            }
            if (size == 0) {
                return;
            }
            in.copy(buffer, size);
            if (buffer.truncated()) {
                return;
            }
            in.readLine(2);
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Collects a body up to a cap and remembers whether it was cut. */
    static final class BodyBuffer extends ByteArrayOutputStream {
        private final int cap;
        private boolean truncated;

        BodyBuffer(int cap) {
            super(Math.min(cap, 8192));
            this.cap = cap;
        }

        /** Adds what fits; returns false once the cap is reached. */
        boolean offer(byte[] data, int offset, int length) {
            int room = cap - count;
            if (length > room) {
                write(data, offset, room);
                truncated = true;
                return false;
            }
            write(data, offset, length);
            return true;
        }

        boolean truncated() {
            return truncated;
        }
    }

    /** Socket input whose every read is bounded by what is left of the exchange's deadline. */
    static final class DeadlineInput {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;
        private final byte[] buffer = new byte[8192];
        private int position;
        private int limit;

        DeadlineInput(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        private boolean fill() throws IOException {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000L;
            if (remainingMillis <= 0) {
                // what already arrived is still read: a busy scanner may wake up late, the device was on time
                if (in.available() <= 0) {
                    throw new SocketTimeoutException("exchange deadline passed");
                }
                remainingMillis = 1;
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis));
            int read = in.read(buffer);
            if (read <= 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        }

        /** One CRLF- or LF-terminated line, or null at end of stream. */
        String readLine(int maxLength) throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                if (position == limit && !fill()) {
                    return line.length() == 0 ? null : line.toString();
                }
                byte b = buffer[position++];
                if (b == '\n') {
                    int end = line.length();
                    if (end > 0 && line.charAt(end - 1) == '\r') {
                        line.setLength(end - 1);
                    }
                    return line.toString();
                }
                if (line.length() >= maxLength) {
                    throw new IOException("line longer than " + maxLength + " bytes");
                }
                line.append((char) (b & 0xff));
            }
        }

        /** Copies up to {@code length} bytes into the buffer; stops early at end of stream or at the cap. */
        void copy(BodyBuffer target, long length) throws IOException {
            long left = length;
            while (left > 0) {
                if (position == limit && !fill()) {
                    return;
                }
                int chunk = (int) Math.min(left, limit - position);
                boolean room = target.offer(buffer, position, chunk);
                position += chunk;
                left -= chunk;
                if (!room) {
                    return;
                }
            }
        }
    }
}
