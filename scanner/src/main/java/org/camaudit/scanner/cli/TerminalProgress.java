package org.camaudit.scanner.cli;

import java.io.PrintStream;

import org.camaudit.scanner.scan.ScanProgress;

/** A one-line progress display on stderr: probes, found, identified, rate and ETA. */
final class TerminalProgress implements ScanProgress {

    private final PrintStream err;
    private final long start = System.nanoTime();

    TerminalProgress(PrintStream err) {
        this.err = err;
    }

    /** Progress only when stderr is a terminal; quiet when piped or logged. */
    static ScanProgress forConsole() {
        return System.console() != null ? new TerminalProgress(System.err) : ScanProgress.NONE;
    }

    @Override
    public synchronized void update(long probesSent, long probesTotal, int found, int identified) {
        double seconds = Math.max(0.001, (System.nanoTime() - start) / 1e9);
        double rate = probesSent / seconds;
        long remaining = Math.max(0, probesTotal - probesSent);
        String eta = rate > 0 && remaining > 0 ? String.format("%.0fs", remaining / rate) : "-";
        int percent = probesTotal == 0 ? 100 : (int) Math.min(100, probesSent * 100 / probesTotal);
        err.printf("\r%3d%%  probes %d/%d  found %d  identified %d  %.0f probes/s  ETA %s   ", percent, probesSent,
                probesTotal, found, identified, rate, eta);
        err.flush();
    }

    void finish() {
        err.print("\r" + " ".repeat(100) + "\r");
        err.flush();
    }
}
