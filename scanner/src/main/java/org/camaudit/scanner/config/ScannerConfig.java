package org.camaudit.scanner.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Scanner settings that are not command-line options: caps on hostile input, time budgets and
 * inventory retry behaviour. Each can be set as {@code camaudit.scanner.*} in
 * {@code application.properties} or as an environment variable ({@code CAMAUDIT_SCANNER_*}).
 */
@ConfigMapping(prefix = "camaudit.scanner")
public interface ScannerConfig {

    /** Largest XML reply (ONVIF, WS-Discovery, SADP) that is parsed; larger ones are refused. */
    @WithDefault("1048576")
    int maxXmlBytes();

    /** Largest HTTP body read from a device; the rest is not read. */
    @WithDefault("1048576")
    int maxHttpBodyBytes();

    /** Largest HTTP header block read from a device. */
    @WithDefault("16384")
    int maxHttpHeaderBytes();

    /** Largest UDP datagram read. */
    @WithDefault("65535")
    int maxDatagramBytes();

    /** Send and receive buffer of each UDP socket of the sweep. */
    @WithDefault("8388608")
    int socketBufferBytes();

    /** Pause between the UDP sweep's rounds, as a fraction of --timeout, so early replies mark targets as answered. */
    @WithDefault("0.5")
    double retryGapFraction();

    /** Delay between a device's first discovery reply and its phase-2 probes, so its other replies can arrive. */
    @WithDefault("PT0.05S")
    Duration phase2Grace();

    /**
     * Deadline of one phase-2 HTTP exchange (connect, request, whole reply), as a multiple of
     * --timeout; connecting alone is bounded by --timeout. Replies take longer than a datagram's
     * round trip, and a busy scanner must not mistake its own delay for a silent device.
     */
    @WithDefault("3")
    int exchangeTimeouts();

    /** Time budget of all phase-2 probes of one device, as a multiple of --timeout. */
    @WithDefault("8")
    int deviceBudgetTimeouts();

    /**
     * Most TCP connection attempts of the connect sweep in flight at once. Each holds a file
     * descriptor until it is answered or times out; behind a firewall that drops, that is
     * rate x timeout attempts.
     */
    @WithDefault("8192")
    int maxPendingConnects();

    /** Updated OUI registry written by {@code scanner oui update}; used when present and not older than the shipped copy. */
    @WithDefault("${user.home}/.config/camaudit/oui.tsv.gz")
    String ouiFile();

    /** Inventory: attempts per request before the results are spooled. */
    @WithDefault("4")
    int inventoryAttempts();

    /** Inventory: first back-off between attempts; doubled after each failure. */
    @WithDefault("PT0.5S")
    Duration inventoryBackoff();

    /** Inventory: connect and request timeout. */
    @WithDefault("PT30S")
    Duration inventoryTimeout();

    /** Inventory: observations per request (the inventory's limit is 10,000). */
    @WithDefault("10000")
    int inventoryChunkSize();
}
