package org.camaudit.scanner.probe;

import org.camaudit.scanner.identify.DeviceFacts;

/**
 * A phase-2 probe: talks to one device that phase 1 (or the HTTP sweep) found and adds what it
 * learns to the device's facts. Implementations are stateless and thread-safe; every network read
 * is bounded by the context's timeouts and deadline, and failures are recorded, never thrown.
 */
public interface DeviceProbe {

    /** The method name used in {@code --methods} and in {@code discoveredBy}. */
    String method();

    void probe(DeviceFacts facts, ProbeContext context);
}
