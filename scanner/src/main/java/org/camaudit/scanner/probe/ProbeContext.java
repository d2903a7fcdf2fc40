package org.camaudit.scanner.probe;

import java.util.List;

import org.camaudit.scanner.credentials.CredentialStore;
import org.camaudit.scanner.http.HttpFetcher;

/**
 * What phase-2 probes share for one device.
 *
 * @param deadlineNanos {@link System#nanoTime()} after which the probe stops starting exchanges
 */
public record ProbeContext(HttpFetcher http, List<Integer> ports, CredentialStore credentials, int maxReplyBytes,
        long deadlineNanos) {

    public boolean expired() {
        return System.nanoTime() - deadlineNanos > 0;
    }
}
