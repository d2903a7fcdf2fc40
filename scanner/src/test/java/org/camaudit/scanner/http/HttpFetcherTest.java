package org.camaudit.scanner.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The device HTTP client against a raw socket server that misbehaves on purpose. */
class HttpFetcherTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private ServerSocket server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        executor.shutdownNow();
    }

    private InetSocketAddress serve(Consumer<OutputStream> behaviour) throws IOException {
        ServerSocket listening = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        server = listening;
        executor.execute(() -> {
            // the socket this behaviour belongs to, not the field: a test may close it and serve another
            while (!listening.isClosed()) {
                try (Socket socket = listening.accept()) {
                    socket.getInputStream().read(new byte[8192]);
                    behaviour.accept(socket.getOutputStream());
                } catch (IOException e) {
                    return;
                }
            }
        });
        return (InetSocketAddress) listening.getLocalSocketAddress();
    }

    private static void write(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            // the client hung up, as it should when it has read enough
        }
    }

    @Test
    void shouldReadChunkedBodiesAndHeaders() throws IOException {
        InetSocketAddress address = serve(out -> write(out, "HTTP/1.1 401 Unauthorized\r\nServer: App-webs/\r\n"
                + "WWW-Authenticate: Digest realm=\"Hikvision\", nonce=\"x\"\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"));
        HttpResponse response = new HttpFetcher(1000, 2000, 16384, 1024).get(address, "/");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("server")).contains("App-webs/");
        assertThat(response.bodyText()).isEqualTo("hello world");
        assertThat(response.truncated()).isFalse();
    }

    @Test
    void shouldCutBodiesAtTheCap() throws IOException {
        InetSocketAddress address = serve(out -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\n\r\n");
            for (int i = 0; i < 100 && !server.isClosed(); i++) {
                write(out, "x".repeat(1000));
            }
        });
        HttpResponse response = new HttpFetcher(1000, 2000, 16384, 4096).get(address, "/");
        assertThat(response.body()).hasSize(4096);
        assertThat(response.truncated()).isTrue();
    }

    @Test
    void shouldCutChunkedBodiesAtTheCap() throws IOException {
        InetSocketAddress address = serve(out -> {
            write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (int i = 0; i < 100 && !server.isClosed(); i++) {
                write(out, "3e8\r\n" + "x".repeat(1000) + "\r\n");
            }
        });
        HttpResponse response = new HttpFetcher(1000, 2000, 16384, 4096).get(address, "/");
        assertThat(response.body()).hasSize(4096);
        assertThat(response.truncated()).isTrue();
    }

    @Test
    void shouldStopASlowDripAtTheExchangeDeadline() throws IOException {
        InetSocketAddress address = serve(out -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
            for (int i = 0; i < 1000 && !server.isClosed(); i++) {
                write(out, "x");
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        assertThatThrownBy(() -> new HttpFetcher(1000, 300, 16384, 4096).get(address, "/"))
                .isInstanceOf(SocketTimeoutException.class);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void shouldRefuseGarbageAndEndlessHeaders() throws IOException {
        InetSocketAddress garbage = serve(out -> write(out, "\u0000\u0001garbage\r\n\r\n"));
        assertThatThrownBy(() -> new HttpFetcher(1000, 2000, 16384, 4096).get(garbage, "/")).isInstanceOf(IOException.class);
        server.close();
        InetSocketAddress endless = serve(out -> {
            write(out, "HTTP/1.1 200 OK\r\n");
            for (int i = 0; i < 2000 && !server.isClosed(); i++) {
                write(out, "X-Filler-" + i + ": " + "y".repeat(50) + "\r\n");
            }
        });
        assertThatThrownBy(() -> new HttpFetcher(1000, 2000, 16384, 4096).get(endless, "/"))
                .isInstanceOf(IOException.class).hasMessageContaining("headers exceed");
    }
}
