package org.camaudit.cameralab.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tuning of the simulated cameras ({@code camera-lab.*} in application.properties or env). */
@ConfigMapping(prefix = "camera-lab")
public interface LabConfig {

    /** How long a camera with the {@code slow} fault waits before each reply. */
    @WithDefault("8s")
    Duration slowDelay();

    /** How long a camera with the {@code lockout} fault refuses everything after one failed login. */
    @WithDefault("5m")
    Duration lockoutDuration();

    /** How far a UsernameToken's Created may be from the camera's own clock (cameras allow 5 minutes). */
    @WithDefault("5m")
    Duration clockTolerance();

    /** The body size a camera with the {@code huge} fault streams (more than 100 MB by default). */
    @WithDefault("134217728")
    long hugeBodyBytes();

    /** Upper bound of the random delay before answering a multicast Probe (WS-Discovery APP_MAX_DELAY). */
    @WithDefault("500ms")
    Duration multicastReplyMaxDelay();

    /** The largest HTTP request body or datagram a camera reads; larger requests are refused. */
    @WithDefault("65536")
    int maxRequestBytes();

    /** How long an idle HTTP connection stays open (a silent camera holds connections this long). */
    @WithDefault("120s")
    Duration idleTimeout();

    /** How long the lab waits for every camera's sockets to be bound (and its Hello sent) before giving up. */
    @WithDefault("300s")
    Duration startTimeout();

    /** How long the lab waits for Bye messages and sockets to close on shutdown. */
    @WithDefault("5s")
    Duration shutdownTimeout();
}
