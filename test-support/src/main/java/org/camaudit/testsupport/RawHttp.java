package org.camaudit.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends hand-written HTTP/1.1 bytes over a real socket, for requests no HTTP client would send (smuggling
 * attempts, oversized request lines, unusual framing).
 */
public final class RawHttp {

    private static final int READ_TIMEOUT_MS = 5_000;

    private RawHttp() {
    }

    /** Sends {@code request} as is and returns everything the server answers until it closes or goes quiet. */
    public static String exchange(String host, int port, String request) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // the server may close before the whole request is written; its reply is still readable
            }
            InputStream in = socket.getInputStream();
            StringBuilder reply = new StringBuilder();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    reply.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                }
            } catch (IOException e) {
                // a timeout or reset ends the reply
            }
            return reply.toString();
        }
    }

    /** A request whose body is {@code chunks} chunks of {@code chunkSize} bytes, opening a JSON string. */
    public static String chunkedJson(String path, String authorization, int chunks, int chunkSize) {
        StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: " + authorization + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n");
        String chunk = "a".repeat(chunkSize);
        for (int i = 0; i < chunks; i++) {
            String data = i == 0 ? "{\"scanId\":\"" + chunk : chunk;
            request.append(Integer.toHexString(data.length())).append("\r\n").append(data).append("\r\n");
        }
        return request.append("0\r\n\r\n").toString();
    }
}
