package org.camaudit.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

/**
 * The request-framing checks both services must pass, over a real socket: oversized request targets, headers and
 * chunked bodies are answered with problems, and an unknown {@code Transfer-Encoding} never lets a second request
 * through.
 */
public final class HostileRequests {

    private HostileRequests() {
    }

    /**
     * @param getPath     a path the service answers to GET
     * @param postPath    a path that takes a JSON body from {@code authorization}'s account
     */
    public static void assertOversizedRequestsAnsweredWithProblems(int port, String getPath, String postPath,
            String authorization) throws IOException {
        assertThat(RawHttp.exchange("127.0.0.1", port, "GET " + getPath + "?q=" + "a".repeat(5000)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 414").contains("application/problem+json");
        assertThat(RawHttp.exchange("127.0.0.1", port, "GET " + getPath + " HTTP/1.1\r\nHost: localhost\r\nX-Filler: "
                + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 431").contains("application/problem+json");
        assertThat(RawHttp.exchange("127.0.0.1", port, RawHttp.chunkedJson(postPath, authorization, 300, 64 * 1024)))
                .startsWith("HTTP/1.1 413").contains("application/problem+json");
    }

    /**
     * Sends {@code method path} with {@code Transfer-Encoding: xchunked} and {@code Content-Length: 0}, followed on the
     * same connection by a GET of {@code smuggledPath}: the first must be a 400 problem and the second never answered.
     */
    public static void assertUnknownTransferEncodingRefused(int port, String method, String path, String authorization,
            String smuggledPath) throws IOException {
        String reply = RawHttp.exchange("127.0.0.1", port, method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: " + authorization + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: xchunked\r\nContent-Length: 0\r\n\r\n"
                + "GET " + smuggledPath + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization + "\r\n\r\n");
        assertThat(reply).startsWith("HTTP/1.1 400").contains("application/problem+json");
        assertThat(reply).doesNotContain("HTTP/1.1 200");
    }
}
