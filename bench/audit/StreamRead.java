import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camaudit.audit.client.NdjsonLines;

/**
 * Reads inventory-service's NDJSON device stream over HttpURLConnection (as the audit does) with a consumer that
 * spends a fixed time per line, like an evaluation, in two ways: "reader" (InputStreamReader + BufferedReader, the
 * audit's reader before 2026-12-01) and "lines" (NdjsonLines, bytes only, never available()). Reports lines, wall
 * time, the reading thread's CPU time and the bytes it allocated. Run by bench/audit.sh (AUDIT_BENCH_STREAM_READ=N).
 *
 *   java -cp audit-service/target/classes bench/audit/StreamRead.java URL USER:PASSWORD reader|lines MICROS ROUNDS
 */
public final class StreamRead {
    private static volatile long sink;

    private StreamRead() {
    }

    static void work(int micros) {
        long end = System.nanoTime() + micros * 1000L;
        while (System.nanoTime() < end) {
            sink++;
        }
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String credentials = args[1];
        String method = args[2];
        int micros = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
            c.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            c.setRequestProperty("Accept", "application/x-ndjson");
            long wall = System.nanoTime(), cpu = mx.getCurrentThreadCpuTime(), alloc = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
            long[] lines = {0};
            try (InputStream in = c.getInputStream()) {
                if (method.equals("reader")) {
                    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
                    String line;
                    while ((line = reader.readLine()) != null) {
                        lines[0]++;
                        work(micros);
                    }
                } else {
                    new NdjsonLines(in, 16 << 20).forEach((b, o, l) -> {
                        lines[0]++;
                        work(micros);
                        return true;
                    });
                }
            }
            System.out.printf("%s consumer %d us/line: %d lines, wall %.2f s, thread CPU %.2f s (of which consumer ~%.2f s), allocated %.1f MB%n",
                method, micros, lines[0], (System.nanoTime() - wall) / 1e9, (mx.getCurrentThreadCpuTime() - cpu) / 1e9,
                lines[0] * micros / 1e6, (mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - alloc) / 1e6);
        }
    }
}
