package org.camaudit.scanner.scan;

/** Receives progress while a scan runs; the command line draws it on a terminal. */
public interface ScanProgress {

    /**
     * @param probesSent  UDP and HTTP-sweep probes sent so far
     * @param probesTotal probes planned
     * @param found       devices that answered
     * @param identified  devices whose phase-2 probes finished
     */
    void update(long probesSent, long probesTotal, int found, int identified);

    ScanProgress NONE = (sent, total, found, identified) -> {
    };
}
